package org.fabrique.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserService;
import org.fabrique.web.i18n.Lang;

/**
 * Finds the coder and the language of a request. The coder comes from the {@value #CODER_COOKIE}
 * cookie (set by the coder switcher) or, for API clients, the {@value #CODER_HEADER} header with a
 * login; otherwise it is the default user of the local mode. The language comes from the {@value
 * #LANG_COOKIE} cookie, then the Accept-Language header.
 */
public final class Visitors {
  public static final String CODER_COOKIE = "fabrique_coder";
  public static final String LANG_COOKIE = "fabrique_lang";
  public static final String CODER_HEADER = "Fabrique-Coder";
  private static final String ATTRIBUTE = "fabrique.visitor";
  private static final int ONE_YEAR = 365 * 24 * 3600;

  private final UserService users;

  public Visitors(UserService users) {
    this.users = users;
  }

  /** The visitor of a request, resolved once per request. */
  public Visitor of(Context ctx) {
    Visitor known = ctx.attribute(ATTRIBUTE);
    if (known != null) {
      return known;
    }
    Visitor visitor = new Visitor(coder(ctx), lang(ctx));
    ctx.attribute(ATTRIBUTE, visitor);
    return visitor;
  }

  /** The language alone, which never touches the database (for error pages). */
  public static Lang lang(Context ctx) {
    return Optional.ofNullable(ctx.cookie(LANG_COOKIE))
        .flatMap(Lang::fromCode)
        .orElseGet(() -> Lang.fromAcceptLanguage(ctx.header("Accept-Language")));
  }

  private User coder(Context ctx) {
    String login = ctx.header(CODER_HEADER);
    if (login != null && !login.isBlank()) {
      String wanted = login.trim();
      return users.list().stream()
          .filter(u -> u.login().equalsIgnoreCase(wanted))
          .findFirst()
          .orElseThrow(() -> new InvalidInputException("There is no coder " + wanted));
    }
    String cookie = ctx.cookie(CODER_COOKIE);
    if (cookie != null && cookie.matches("\\d{1,18}")) {
      long id = Long.parseLong(cookie);
      List<User> all = users.list();
      Optional<User> chosen = all.stream().filter(u -> u.id().value() == id).findFirst();
      if (chosen.isPresent()) {
        return chosen.get();
      }
    }
    return users.defaultUser();
  }

  /** Remembers the coder in a cookie. */
  public static void rememberCoder(Context ctx, User coder) {
    setCookie(ctx, CODER_COOKIE, Long.toString(coder.id().value()));
    ctx.attribute(ATTRIBUTE, null);
  }

  /** Remembers the language in a cookie. */
  public static void rememberLang(Context ctx, Lang lang) {
    setCookie(ctx, LANG_COOKIE, lang.code());
    ctx.attribute(ATTRIBUTE, null);
  }

  private static void setCookie(Context ctx, String name, String value) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name + "=" + value + "; Path=/; Max-Age=" + ONE_YEAR + "; SameSite=Lax; HttpOnly");
  }
}
