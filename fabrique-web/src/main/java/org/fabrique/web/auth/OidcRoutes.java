package org.fabrique.web.auth;

import io.javalin.http.Context;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEvent;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.user.Account;
import org.fabrique.core.user.ExternalIdentity;
import org.fabrique.core.user.SessionService;
import org.fabrique.core.user.UserService;
import org.fabrique.web.Page;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.error.ErrorHandling;
import org.fabrique.web.error.ProblemDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with the institution's OpenID Connect provider ({@code --auth oidc}, decision 0008).
 * {@code GET /sign-in/oidc} sends the browser to the provider with a fresh state, nonce and PKCE
 * verifier, kept here under a random id that only this browser holds (an HttpOnly cookie, for 10
 * minutes); {@code GET /sign-in/oidc/callback} checks the answer against them, redeems the code,
 * validates the ID token, finds or makes the account and opens the same session as a password
 * sign-in. Every failure is a page (or problem+json) in the user's language, and is written to the
 * audit log.
 */
public final class OidcRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(OidcRoutes.class);

  /** The cookie naming the sign-in under way in this browser. */
  static final String FLOW_COOKIE = "fabrique_oidc";

  /** How long a sign-in may take at the provider. */
  static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);

  /** The most sign-ins under way at once (the rest wait for some to finish or expire). */
  static final int MAX_FLOWS = 10_000;

  private static final String DETAIL = "oidc";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OidcClient client;
  private final UserService users;
  private final SessionService sessions;
  private final AuditLog audit;
  private final Gate gate;
  private final Views views;
  private final Clock clock;
  private final Map<String, Flow> flows = new ConcurrentHashMap<>();

  private record Flow(OidcClient.Pending pending, Instant expires) {}

  public OidcRoutes(
      Authentication.Oidc settings,
      UserService users,
      SessionService sessions,
      AuditLog audit,
      Gate gate,
      Views views,
      Clock clock) {
    this.client = new OidcClient(settings);
    this.users = users;
    this.sessions = sessions;
    this.audit = audit;
    this.gate = gate;
    this.views = views;
    this.clock = clock;
  }

  public void mount(Routes routes) {
    routes.get("/sign-in/oidc", Access.anyone(), this::start);
    routes.get("/sign-in/oidc/callback", Access.anyone(), this::callback);
  }

  /**
   * Whether the provider answers now (asked once at start so that a mistyped issuer shows at once);
   * the server starts either way, and asks again at the next sign-in.
   */
  public static boolean reachable(Authentication.Oidc settings) {
    try {
      new OidcClient(settings).discover();
      return true;
    } catch (OidcClient.Failure e) {
      LOG.warn("The OpenID Connect provider does not answer yet: {}", e.getMessage());
      return false;
    }
  }

  private void start(Context ctx) {
    String back = Requests.localPath(ctx.queryParam("back"), "/");
    Map.Entry<OidcClient.Pending, URI> started;
    try {
      started = client.start(back);
    } catch (OidcClient.Failure e) {
      refuse(ctx, e);
      return;
    }
    Instant now = clock.instant();
    flows.values().removeIf(flow -> flow.expires().isBefore(now));
    if (flows.size() >= MAX_FLOWS) {
      refuse(ctx, new OidcClient.Failure(OidcClient.Failure.Reason.BUSY, "Too many sign-ins"));
      return;
    }
    String id = randomId();
    flows.put(id, new Flow(started.getKey(), now.plus(FLOW_LIFETIME)));
    Cookies.set(ctx, FLOW_COOKIE, id, FLOW_LIFETIME.toSeconds(), gate.overTls(ctx));
    ctx.redirect(started.getValue().toString(), io.javalin.http.HttpStatus.FOUND);
  }

  private void callback(Context ctx) {
    String id = ctx.cookie(FLOW_COOKIE);
    Flow flow = id == null ? null : flows.remove(id);
    Cookies.clear(ctx, FLOW_COOKIE, gate.overTls(ctx));
    if (flow == null || flow.expires().isBefore(clock.instant())) {
      refuse(
          ctx,
          new OidcClient.Failure(
              OidcClient.Failure.Reason.STATE,
              "No sign-in under way in this browser, or it took too long"));
      return;
    }
    ExternalIdentity identity;
    try {
      identity = client.complete(ctx.queryParamMap(), flow.pending());
    } catch (OidcClient.Failure e) {
      refuse(ctx, e);
      return;
    }
    Account account = users.signInWith(identity);
    if (account.disabled()) {
      audit.record(
          AuditEvent.of(AuditAction.SIGN_IN_FAILED)
              .by(account.user().id())
              .about("user " + account.user().login())
              .from(ctx.ip())
              .detail(DETAIL + ": account disabled"));
      LOG.info("OpenID Connect sign-in of a disabled account refused");
      respond(ctx, 403, "disabled", "This account is disabled; ask a site admin");
      return;
    }
    SessionService.Opened opened = sessions.open(account.user());
    Cookies.set(
        ctx,
        Cookies.SESSION,
        opened.token(),
        sessions.policy().absolute().toSeconds(),
        gate.overTls(ctx));
    audit.record(
        AuditEvent.of(AuditAction.SIGN_IN)
            .by(account.user().id())
            .about("user " + account.user().login())
            .from(ctx.ip())
            .detail(DETAIL));
    Requests.redirect(ctx, Requests.localPath(flow.pending().back(), "/"));
  }

  /** Answers a sign-in that failed, and writes it down. */
  private void refuse(Context ctx, OidcClient.Failure failure) {
    String reason = failure.reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    LOG.info("OpenID Connect sign-in failed ({}): {}", reason, failure.getMessage());
    audit.record(
        AuditEvent.of(AuditAction.SIGN_IN_FAILED)
            .about("oidc")
            .from(ctx.ip())
            .detail(DETAIL + ": " + reason));
    int status =
        switch (failure.reason) {
          case UNAVAILABLE -> 502;
          case BUSY -> 503;
          case STATE -> 400;
          case DENIED -> 403;
          case PROVIDER_ERROR -> 502;
          case TOKEN -> 401;
        };
    respond(ctx, status, reason, ENGLISH.get(failure.reason));
  }

  private static final Map<OidcClient.Failure.Reason, String> ENGLISH =
      Map.of(
          OidcClient.Failure.Reason.UNAVAILABLE,
          "Your institution's sign-in service cannot be reached; try again later",
          OidcClient.Failure.Reason.BUSY,
          "Too many sign-ins are under way; try again in a few minutes",
          OidcClient.Failure.Reason.STATE,
          "This sign-in was not started in this browser, or took too long; start again",
          OidcClient.Failure.Reason.DENIED,
          "Your institution did not sign you in (consent declined or access refused)",
          OidcClient.Failure.Reason.PROVIDER_ERROR,
          "Your institution's sign-in service answered with an error; try again later",
          OidcClient.Failure.Reason.TOKEN,
          "Your institution's answer could not be verified; sign-in refused");

  /** A page in the user's language, or problem+json for clients that want JSON. */
  private void respond(Context ctx, int status, String reason, String english) {
    ctx.status(status);
    if (ErrorHandling.wantsJson(ctx)) {
      ProblemDetails problem =
          new ProblemDetails(
              "urn:fabrique:problem:oidc-" + reason,
              "Sign-in failed",
              status,
              english,
              ctx.path(),
              List.of());
      ctx.contentType("application/problem+json")
          .result(ctx.jsonMapper().toJsonString(problem, ProblemDetails.class));
      return;
    }
    Page page = views.bare(ctx);
    Map<String, Object> params = new HashMap<>();
    params.put("page", page);
    params.put("status", status);
    params.put("title", page.t("oidc.failed.title"));
    params.put("detail", page.t("oidc.failed." + reason));
    params.put("problems", List.of());
    ctx.html(views.render("error.jte", params));
  }

  private static String randomId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
