package org.fabrique.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URI;
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
import org.fabrique.core.user.Account;
import org.fabrique.core.user.SessionService;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserService;
import org.fabrique.web.WebConfig;

/**
 * What every request passes before its route: the {@code Host} must be one the server answers to
 * (else 421, against DNS rebinding); then the gate finds who makes the request, asking its {@link
 * Authenticator}s in turn. What each route requires is checked by {@link AccessCheck}.
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
    } else if (config.authentication() instanceof Authentication.Proxy proxy) {
      authenticators.add(proxy(proxy, users));
    } else {
      authenticators.add(session(users, sessions));
    }
  }

  /** Adds a way of proving who one is, tried after the others. */
  public Gate with(Authenticator authenticator) {
    authenticators.add(authenticator);
    return this;
  }

  /**
   * The before-handler of every request: the host check, then who makes the request (each route's
   * {@link Access} decides whether that is enough).
   */
  public void check(Context ctx) {
    checkHost(ctx);
    signedIn(ctx);
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

  /**
   * The network address of whoever makes the request: the connection's, or, when the connection
   * comes from a trusted proxy, the last address that proxy appended to {@code X-Forwarded-For}.
   */
  public String clientAddress(Context ctx) {
    String direct = ctx.ip();
    String forwarded = ctx.header("X-Forwarded-For");
    if (forwarded == null || !config.trustedProxies().contains(direct)) {
      return direct;
    }
    String[] hops = forwarded.split(",");
    String last = hops[hops.length - 1].trim();
    return last.isEmpty() ? direct : last;
  }

  private void checkHost(Context ctx) {
    String host = ctx.header("Host");
    if (host == null || !hosts.contains(bare(withoutPort(host)))) {
      throw new HttpResponseException(421, "Misdirected request", Map.of());
    }
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

  /** The user a trusted proxy names in its header, given an account on first sight. */
  private static Authenticator proxy(Authentication.Proxy proxy, UserService users) {
    return ctx -> {
      String login = ctx.header(proxy.header());
      if (login == null || login.isBlank() || !proxy.trustedProxies().contains(ctx.ip())) {
        return Optional.empty();
      }
      User user = users.ensure(login.trim(), login.trim());
      Account account = users.account(user.id());
      return account.disabled()
          ? Optional.empty()
          : Optional.of(new SignedIn(user, account.admin()));
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
