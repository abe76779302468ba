package org.fabrique.web.coder;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserService;
import org.fabrique.web.Requests;
import org.fabrique.web.Visitors;
import org.fabrique.web.i18n.Lang;

/**
 * The coder switcher and the language switch. In the local mode there are no passwords: choosing a
 * coder says whose layer the next codings go to and whose actions undo undoes.
 */
public final class CoderRoutes {
  private final UserService users;
  private final Visitors visitors;

  public CoderRoutes(UserService users, Visitors visitors) {
    this.users = users;
    this.visitors = visitors;
  }

  public void mount(JavalinDefaultRouting router) {
    router.post("/coder", this::switchCoder);
    router.get("/lang/{lang}", this::switchLang);
    router.get("/api/users", ctx -> ctx.json(users.list().stream().map(UserOut::of).toList()));
    router.post("/api/users", this::apiCreate);
    router.get("/api/me", ctx -> ctx.json(UserOut.of(visitors.of(ctx).coder())));
  }

  /** A coder in JSON. */
  public record UserOut(long id, String login, String displayName) {
    static UserOut of(User user) {
      return new UserOut(user.id().value(), user.login(), user.displayName());
    }
  }

  /** What creates a coder. */
  public record UserIn(String login, String displayName) {}

  private void switchCoder(Context ctx) {
    String login = Requests.form(ctx, "login").orElse("");
    String displayName = Requests.form(ctx, "displayName").orElse("");
    User user = users.ensure(login, displayName);
    Visitors.rememberCoder(ctx, user);
    Requests.redirectBack(ctx, "/");
  }

  private void switchLang(Context ctx) {
    Lang lang = Lang.fromCode(ctx.pathParam("lang")).orElse(Lang.EN);
    Visitors.rememberLang(ctx, lang);
    Requests.redirect(ctx, Requests.localPath(ctx.queryParam("back"), "/"));
  }

  private void apiCreate(Context ctx) {
    UserIn in = ctx.bodyAsClass(UserIn.class);
    ctx.status(HttpStatus.CREATED).json(UserOut.of(users.ensure(in.login(), in.displayName())));
  }
}
