package org.fabrique.web.coder;

import io.javalin.http.Context;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserService;
import org.fabrique.web.Requests;
import org.fabrique.web.Visitors;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;
import org.fabrique.web.i18n.Lang;

/**
 * The language switch, the list of users and who one is. The coder of every change is the signed-in
 * user; accounts are made with {@code fabrique user add}.
 */
public final class CoderRoutes {
  private final UserService users;
  private final Visitors visitors;

  public CoderRoutes(UserService users, Visitors visitors) {
    this.users = users;
    this.visitors = visitors;
  }

  public void mount(Routes routes) {
    routes.get("/lang/{lang}", Access.anyone(), this::switchLang);
    routes.get(
        "/api/users",
        Access.signedIn(),
        ctx -> ctx.json(users.list().stream().map(UserOut::of).toList()));
    routes.get("/api/me", Access.signedIn(), ctx -> ctx.json(UserOut.of(visitors.of(ctx).coder())));
  }

  /** A coder in JSON. */
  public record UserOut(long id, String login, String displayName) {
    static UserOut of(User user) {
      return new UserOut(user.id().value(), user.login(), user.displayName());
    }
  }

  private void switchLang(Context ctx) {
    Lang lang = Lang.fromCode(ctx.pathParam("lang")).orElse(Lang.EN);
    Visitors.rememberLang(ctx, lang);
    Requests.redirect(ctx, Requests.localPath(ctx.queryParam("back"), "/"));
  }
}
