package org.fabrique.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.error.UnauthenticatedException;
import org.fabrique.core.user.SessionService;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserService;
import org.fabrique.web.Page;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;

/**
 * Signing in and out: the sign-in page and its form, and {@code POST/DELETE /api/session} for
 * clients. A failed sign-in says the same whatever was wrong (unknown login, wrong password,
 * disabled account).
 */
public final class SessionRoutes {
  static final String FAILED = "The login or the password is not right";

  private final UserService users;
  private final SessionService sessions;
  private final Gate gate;
  private final Views views;
  private final Authentication authentication;

  public SessionRoutes(
      UserService users,
      SessionService sessions,
      Gate gate,
      Views views,
      Authentication authentication) {
    this.users = users;
    this.sessions = sessions;
    this.gate = gate;
    this.views = views;
    this.authentication = authentication;
  }

  /** What signs in. */
  public record Credentials(String login, String password) {
    @Override
    public String toString() {
      return "Credentials[login=" + login + "]";
    }
  }

  /** The signed-in user, as the API shows them. */
  public record SessionOut(long id, String login, String displayName, boolean admin) {
    static SessionOut of(SignedIn who) {
      return new SessionOut(
          who.user().id().value(), who.user().login(), who.user().displayName(), who.admin());
    }
  }

  public void mount(Routes routes) {
    routes.get("/sign-in", Access.anyone(), this::page);
    routes.post("/sign-in", Access.anyone(), this::formSignIn);
    routes.post("/sign-out", Access.anyone(), this::formSignOut);
    routes.get("/api/session", Access.signedIn(), this::current);
    routes.post("/api/session", Access.anyone(), this::apiSignIn);
    routes.delete("/api/session", Access.anyone(), this::apiSignOut);
  }

  private void page(Context ctx) {
    render(ctx, false);
  }

  private void render(Context ctx, boolean failed) {
    Page page = views.bare(ctx);
    Map<String, Object> params = new HashMap<>();
    params.put("page", page);
    params.put("back", Requests.localPath(ctx.queryParam("back"), "/"));
    params.put("failed", failed);
    params.put("accounts", authentication instanceof Authentication.Accounts);
    params.put("oidc", authentication instanceof Authentication.Oidc);
    ctx.html(views.render("auth/signin.jte", params));
  }

  private void formSignIn(Context ctx) {
    Optional<User> user =
        signInAllowed()
            ? users.authenticate(ctx.formParam("login"), ctx.formParam("password"))
            : Optional.empty();
    if (user.isEmpty()) {
      ctx.status(HttpStatus.UNAUTHORIZED);
      Page page = views.bare(ctx);
      Map<String, Object> params = new HashMap<>();
      params.put("page", page);
      params.put("back", Requests.localPath(ctx.formParam("back"), "/"));
      params.put("failed", true);
      params.put("accounts", signInAllowed());
      params.put("oidc", authentication instanceof Authentication.Oidc);
      ctx.html(views.render("auth/signin.jte", params));
      return;
    }
    open(ctx, user.get());
    Requests.redirect(ctx, Requests.localPath(ctx.formParam("back"), "/"));
  }

  private void formSignOut(Context ctx) {
    close(ctx);
    Requests.redirect(ctx, authentication.signInPage() ? "/sign-in" : "/");
  }

  private void current(Context ctx) {
    SignedIn who =
        gate.signedIn(ctx).orElseThrow(() -> new UnauthenticatedException("Nobody is signed in"));
    ctx.json(SessionOut.of(who));
  }

  private void apiSignIn(Context ctx) {
    Credentials credentials = ctx.bodyAsClass(Credentials.class);
    if (credentials == null || !signInAllowed()) {
      throw new UnauthenticatedException(FAILED);
    }
    User user =
        users
            .authenticate(credentials.login(), credentials.password())
            .orElseThrow(() -> new UnauthenticatedException(FAILED));
    open(ctx, user);
    ctx.status(HttpStatus.CREATED)
        .json(SessionOut.of(new SignedIn(user, users.account(user.id()).admin())));
  }

  private void apiSignOut(Context ctx) {
    close(ctx);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private boolean signInAllowed() {
    return authentication instanceof Authentication.Accounts;
  }

  private void open(Context ctx, User user) {
    SessionService.Opened opened = sessions.open(user);
    Cookies.set(
        ctx,
        Cookies.SESSION,
        opened.token(),
        sessions.policy().absolute().toSeconds(),
        gate.overTls(ctx));
  }

  private void close(Context ctx) {
    sessions.close(ctx.cookie(Cookies.SESSION));
    Cookies.clear(ctx, Cookies.SESSION, gate.overTls(ctx));
    Cookies.clear(ctx, Cookies.ACCESS, gate.overTls(ctx));
    Gate.forget(ctx);
  }
}
