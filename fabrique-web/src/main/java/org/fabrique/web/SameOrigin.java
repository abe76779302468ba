package org.fabrique.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.fabrique.core.error.ForbiddenException;

/**
 * Refuses state-changing requests sent by another site (cross-site request forgery). Browsers tell
 * where a request comes from with {@code Sec-Fetch-Site}, {@code Origin} or {@code Referer}; a
 * request that carries none of them does not come from a browser page (the command line, scripts)
 * and is let through.
 */
public final class SameOrigin {
  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private SameOrigin() {}

  public static void check(Context ctx) {
    if (SAFE.contains(ctx.method())) {
      return;
    }
    String fetchSite = ctx.header("Sec-Fetch-Site");
    if (fetchSite != null) {
      String site = fetchSite.trim().toLowerCase(Locale.ROOT);
      if (site.equals("same-origin") || site.equals("none")) {
        return;
      }
      throw refused();
    }
    String host = ctx.header("Host");
    String origin = ctx.header("Origin");
    if (origin != null) {
      if (origin.equals("null") || !sameHost(origin, host)) {
        throw refused();
      }
      return;
    }
    String referer = ctx.header("Referer");
    if (referer != null && !sameHost(referer, host)) {
      throw refused();
    }
  }

  private static boolean sameHost(String url, String host) {
    if (host == null) {
      return false;
    }
    try {
      URI uri = URI.create(url.trim());
      String authority = uri.getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static ForbiddenException refused() {
    return new ForbiddenException("This request came from another site and was refused");
  }
}
