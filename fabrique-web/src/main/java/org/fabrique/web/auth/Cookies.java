package org.fabrique.web.auth;

import io.javalin.http.Context;

/** The cookies of signing in: HttpOnly, SameSite=Lax, Secure when the connection is. */
public final class Cookies {
  /** The session of a signed-in user ({@code --auth local}). */
  public static final String SESSION = "fabrique_session";

  /** The access token of the single-user mode, once presented in the URL. */
  public static final String ACCESS = "fabrique_access";

  private Cookies() {}

  /** Sets a cookie that lives {@code maxAgeSeconds}. */
  public static void set(
      Context ctx, String name, String value, long maxAgeSeconds, boolean secure) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path=/; Max-Age="
                + maxAgeSeconds
                + "; SameSite=Lax; HttpOnly"
                + (secure ? "; Secure" : ""));
  }

  /** Removes a cookie from the browser. */
  public static void clear(Context ctx, String name, boolean secure) {
    set(ctx, name, "", 0, secure);
  }
}
