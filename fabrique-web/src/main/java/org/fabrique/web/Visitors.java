package org.fabrique.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.fabrique.web.auth.Gate;
import org.fabrique.web.i18n.Lang;

/**
 * Finds the coder and the language of a request. The coder is the signed-in user, as the {@link
 * Gate} found them (there is no other way to choose whose work a change is). The language comes
 * from the {@value #LANG_COOKIE} cookie, then the Accept-Language header.
 */
public final class Visitors {
  public static final String LANG_COOKIE = "fabrique_lang";
  private static final String ATTRIBUTE = "fabrique.visitor";
  private static final int ONE_YEAR = 365 * 24 * 3600;

  public Visitors() {}

  /** The visitor of a request, resolved once per request; nobody signed in is a 401. */
  public Visitor of(Context ctx) {
    Visitor known = ctx.attribute(ATTRIBUTE);
    if (known != null) {
      return known;
    }
    Visitor visitor = new Visitor(Gate.require(ctx).user(), lang(ctx));
    ctx.attribute(ATTRIBUTE, visitor);
    return visitor;
  }

  /** The language alone, which never touches the database (for error pages). */
  public static Lang lang(Context ctx) {
    return Optional.ofNullable(ctx.cookie(LANG_COOKIE))
        .flatMap(Lang::fromCode)
        .orElseGet(() -> Lang.fromAcceptLanguage(ctx.header("Accept-Language")));
  }

  /** Remembers the language in a cookie. */
  public static void rememberLang(Context ctx, Lang lang) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            LANG_COOKIE
                + "="
                + lang.code()
                + "; Path=/; Max-Age="
                + ONE_YEAR
                + "; SameSite=Lax; HttpOnly");
    ctx.attribute(ATTRIBUTE, null);
  }
}
