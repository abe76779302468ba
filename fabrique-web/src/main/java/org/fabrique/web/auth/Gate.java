package org.fabrique.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.error.UnauthenticatedException;
import org.fabrique.core.user.SessionService;
import org.fabrique.core.user.UserService;
import org.fabrique.web.Requests;
import org.fabrique.web.WebConfig;

/**
 * What every request passes before its route: the {@code Host} must be one the server answers to
 * (else 421, against DNS rebinding), and, but for the sign-in page and static assets, the request
 * must say who makes it (else 401, or the sign-in page for a browser).
 */
public final class Gate {
  private static final String ATTRIBUTE = "fabrique.signed-in";
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");
  private static final long ACCESS_COOKIE_SECONDS = Duration.ofDays(30).toSeconds();

  private final WebConfig config;
  private final Set<String> hosts;
  private final List<Authenticator> authenticators = new ArrayList<>();

  public Gate(WebConfig config, UserService users, SessionService sessions) {
    this.config = config;
    Set<String> names = new HashSet<>(LOOPBACK_NAMES);
    config.publicUrl().map(URI::getHost).map(Gate::bare).ifPresent(names::add);
    config.hosts().stream().map(Gate::bare).forEach(names::add);
    this.hosts = Set.copyOf(names);
    if (config.authentication() instanceof Authentication.SingleUser single) {
      if (single.accessToken().isPresent()) {
        authenticators.add(accessToken(single.accessToken().get(), users));
      } else {
        authenticators.add(ctx -> Optional.of(new SignedIn(users.defaultUser(), true)));
      }
    } else {
      authenticators.add(session(users, sessions));
    }
  }

  /** Adds a way of proving who one is, tried after the others. */
  public Gate with(Authenticator authenticator) {
    authenticators.add(authenticator);
    return this;
  }

  /** The before-handler of every request. */
  public void check(Context ctx) {
    checkHost(ctx);
    if (isPublic(ctx)) {
      signedIn(ctx);
      return;
    }
    Optional<SignedIn> who = signedIn(ctx);
    if (who.isEmpty()) {
      if (ctx.method() == HandlerType.GET
          && !ctx.path().startsWith("/api/")
          && config.authentication() instanceof Authentication.Accounts) {
        String back = URLEncoder.encode(pathAndQuery(ctx), StandardCharsets.UTF_8);
        Requests.redirect(ctx, "/sign-in?back=" + back);
        ctx.skipRemainingHandlers();
        return;
      }
      throw new UnauthenticatedException(
          config.authentication() instanceof Authentication.Accounts
              ? "Sign in first"
              : "Open the address that fabrique serve printed (it carries the access token)");
    }
  }

  /** Who the request is made by, when it says. */
  public Optional<SignedIn> signedIn(Context ctx) {
    SignedIn known = ctx.attribute(ATTRIBUTE);
    if (known != null) {
      return Optional.of(known);
    }
    for (Authenticator authenticator : authenticators) {
      Optional<SignedIn> found = authenticator.authenticate(ctx);
      if (found.isPresent()) {
        ctx.attribute(ATTRIBUTE, found.get());
        return found;
      }
    }
    return Optional.empty();
  }

  /** Who the request is made by; a request nobody signed is refused (401). */
  public static SignedIn require(Context ctx) {
    SignedIn known = ctx.attribute(ATTRIBUTE);
    if (known == null) {
      throw new UnauthenticatedException("Sign in first");
    }
    return known;
  }

  /** Forgets who the request was made by (after signing out). */
  public static void forget(Context ctx) {
    ctx.attribute(ATTRIBUTE, null);
  }

  /**
   * Whether the connection is encrypted: TLS to this server, a public address in https, or a
   * trusted proxy that says so.
   */
  public boolean overTls(Context ctx) {
    if ("https".equalsIgnoreCase(ctx.scheme())) {
      return true;
    }
    if (config.publicUrl().map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(false)) {
      return true;
    }
    return config.trustedProxies().contains(ctx.ip())
        && "https".equalsIgnoreCase(String.valueOf(ctx.header("X-Forwarded-Proto")).trim());
  }

  private void checkHost(Context ctx) {
    String host = ctx.header("Host");
    if (host == null || !hosts.contains(bare(withoutPort(host)))) {
      throw new HttpResponseException(421, "Misdirected request", Map.of());
    }
  }

  private static boolean isPublic(Context ctx) {
    String path = ctx.path();
    return path.startsWith("/static/")
        || path.startsWith("/webjars/")
        || path.startsWith("/lang/")
        || path.equals("/favicon.ico")
        || path.equals("/sign-in")
        || path.equals("/sign-out")
        || path.equals("/api/session");
  }

  private Authenticator accessToken(String token, UserService users) {
    byte[] expected = token.getBytes(StandardCharsets.UTF_8);
    return ctx -> {
      String fromQuery = ctx.queryParam("token");
      Optional<String> presented =
          Optional.ofNullable(fromQuery)
              .or(() -> Optional.ofNullable(ctx.cookie(Cookies.ACCESS)))
              .or(() -> bearer(ctx));
      if (presented.isEmpty()
          || !MessageDigest.isEqual(expected, presented.get().getBytes(StandardCharsets.UTF_8))) {
        return Optional.empty();
      }
      if (fromQuery != null) {
        Cookies.set(ctx, Cookies.ACCESS, token, ACCESS_COOKIE_SECONDS, overTls(ctx));
      }
      return Optional.of(new SignedIn(users.defaultUser(), true));
    };
  }

  private static Authenticator session(UserService users, SessionService sessions) {
    return ctx -> {
      String token = ctx.cookie(Cookies.SESSION);
      if (token == null) {
        return Optional.empty();
      }
      return sessions.user(token).map(user -> new SignedIn(user, users.account(user.id()).admin()));
    };
  }

  /** The token of an {@code Authorization: Bearer} header. */
  public static Optional<String> bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private static String pathAndQuery(Context ctx) {
    String query = ctx.queryString();
    return query == null || query.isEmpty() ? ctx.path() : ctx.path() + "?" + query;
  }

  private static String withoutPort(String host) {
    String trimmed = host.trim();
    if (trimmed.startsWith("[")) {
      int end = trimmed.indexOf(']');
      return end < 0 ? trimmed : trimmed.substring(0, end + 1);
    }
    int colon = trimmed.lastIndexOf(':');
    return colon < 0 ? trimmed : trimmed.substring(0, colon);
  }

  private static String bare(String host) {
    String lower = host.trim().toLowerCase(Locale.ROOT);
    if (lower.startsWith("[") && lower.endsWith("]")) {
      return lower.substring(1, lower.length() - 1);
    }
    return lower;
  }
}
