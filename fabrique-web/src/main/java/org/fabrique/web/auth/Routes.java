package org.fabrique.web.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.core.user.Scope;

/**
 * The one place routes are registered: each with the {@link Access} it requires, checked before its
 * handler runs. Route classes receive this registrar, never Javalin's router, so no route can be
 * registered without a declaration (an architecture test checks it); {@link #table()} lists them
 * all for the test that tries every route with every role.
 */
public final class Routes {
  private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)}");

  /** A registered route and what it requires. */
  public record Route(HandlerType method, String path, Access access) {
    /** The kind of item the path names, whose inquiry a role is checked against. */
    public Optional<Scope> scope() {
      Matcher matcher = PARAMETER.matcher(path);
      while (matcher.find()) {
        Optional<Scope> scope = Scope.ofParameter(matcher.group(1));
        if (scope.isPresent()) {
          return scope;
        }
      }
      return Optional.empty();
    }
  }

  private final JavalinDefaultRouting router;
  private final AccessCheck check;
  private final List<Route> table = new ArrayList<>();

  public Routes(JavalinDefaultRouting router, AccessCheck check) {
    this.router = router;
    this.check = check;
  }

  public Routes get(String path, Access access, Handler handler) {
    return add(HandlerType.GET, path, access, handler);
  }

  public Routes post(String path, Access access, Handler handler) {
    return add(HandlerType.POST, path, access, handler);
  }

  public Routes put(String path, Access access, Handler handler) {
    return add(HandlerType.PUT, path, access, handler);
  }

  public Routes delete(String path, Access access, Handler handler) {
    return add(HandlerType.DELETE, path, access, handler);
  }

  /** Every route registered so far, in order. */
  public List<Route> table() {
    return Collections.unmodifiableList(table);
  }

  private Routes add(HandlerType method, String path, Access access, Handler handler) {
    Route route = new Route(method, path, access);
    boolean needsScope = access instanceof Access.InInquiry || access instanceof Access.OwnWork;
    if (needsScope && route.scope().isEmpty()) {
      throw new IllegalStateException(
          "The route " + method + " " + path + " requires a role but names no inquiry item");
    }
    table.add(route);
    Handler checked =
        (Context ctx) -> {
          if (check.allows(ctx, route)) {
            handler.handle(ctx);
          }
        };
    router.addHttpHandler(method, path, checked);
    return this;
  }
}
