package org.fabrique.web.error;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRouting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.error.ForbiddenException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.error.RateLimitedException;
import org.fabrique.core.error.UnauthenticatedException;
import org.fabrique.web.Page;
import org.fabrique.web.Views;
import org.fabrique.web.i18n.Lang;
import org.fabrique.web.i18n.ProblemTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors become responses: an HTML page for browsers, an RFC 9457 problem
 * (application/problem+json) for the API and for clients that prefer JSON. Errors are logged once,
 * here, without their messages (which may quote names or field material) and without stack traces
 * in responses.
 */
public final class ErrorHandling {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);
  private static final String HANDLED = "fabrique.error-handled";

  private final Views views;
  private final ObjectMapper json;
  private volatile ProblemTexts texts;

  public ErrorHandling(Views views, ObjectMapper json) {
    this.views = views;
    this.json = json;
  }

  /** The kinds of problems the interface reports. */
  enum Kind {
    BAD_REQUEST(400, "invalid-input", "Invalid input"),
    UNAUTHENTICATED(401, "unauthenticated", "Sign-in required"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICT(409, "conflict", "Conflict"),
    TOO_LARGE(413, "too-large", "Request too large"),
    MISDIRECTED(421, "misdirected", "Misdirected request"),
    TOO_MANY_ATTEMPTS(429, "too-many-attempts", "Too many attempts"),
    INTERNAL(500, "internal", "Internal error");

    final int status;
    final String id;
    final String title;

    Kind(int status, String id, String title) {
      this.status = status;
      this.id = id;
      this.title = title;
    }

    static Kind ofStatus(int status) {
      for (Kind kind : values()) {
        if (kind.status == status) {
          return kind;
        }
      }
      return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
  }

  public void mount(JavalinDefaultRouting router) {
    router.exception(Exception.class, this::handle);
    router.error(404, ctx -> statusOnly(ctx, Kind.NOT_FOUND));
    router.error(405, ctx -> statusOnly(ctx, Kind.METHOD_NOT_ALLOWED));
    router.error(413, ctx -> statusOnly(ctx, Kind.TOO_LARGE));
  }

  private void statusOnly(Context ctx, Kind kind) {
    if (Boolean.TRUE.equals(ctx.attribute(HANDLED))) {
      return;
    }
    respond(ctx, kind, null, List.of());
  }

  /** Maps an exception to its response; also used by handlers that catch nothing themselves. */
  public void handle(Exception exception, Context ctx) {
    Kind kind;
    String detail;
    List<Problem> problems = List.of();
    if (exception instanceof NotFoundException) {
      kind = Kind.NOT_FOUND;
      detail = exception.getMessage();
    } else if (exception instanceof InvalidInputException invalid) {
      kind = Kind.BAD_REQUEST;
      detail = invalid.getMessage();
      problems = invalid.problems();
    } else if (exception instanceof ConflictException) {
      kind = Kind.CONFLICT;
      detail = exception.getMessage();
    } else if (exception instanceof UnauthenticatedException) {
      kind = Kind.UNAUTHENTICATED;
      detail = exception.getMessage();
    } else if (exception instanceof ForbiddenException) {
      kind = Kind.FORBIDDEN;
      detail = exception.getMessage();
    } else if (exception instanceof RateLimitedException limited) {
      kind = Kind.TOO_MANY_ATTEMPTS;
      long seconds = limited.retryAfterSeconds();
      ctx.header("Retry-After", Long.toString(seconds));
      // In the language of the request, for the API as for pages.
      detail = views.bare(ctx).t("error.too-many-attempts.detail", seconds);
    } else if (exception instanceof JacksonException
        && !(exception instanceof InvalidDefinitionException)) {
      kind = Kind.BAD_REQUEST;
      detail = "The request body is not the JSON this operation expects";
    } else if (exception instanceof TooLargeException) {
      kind = Kind.TOO_LARGE;
      detail = exception.getMessage();
    } else if (exception instanceof HttpResponseException response) {
      kind = Kind.ofStatus(response.getStatus());
      detail = null;
    } else {
      kind = Kind.INTERNAL;
      detail = null;
    }
    if (kind == Kind.INTERNAL) {
      LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), Traces.withoutMessages(exception));
    } else {
      LOG.info(
          "{} {} -> {} ({})",
          ctx.method(),
          ctx.path(),
          kind.status,
          exception.getClass().getSimpleName());
    }
    respond(ctx, kind, detail, problems);
  }

  private void respond(Context ctx, Kind kind, String detail, List<Problem> problems) {
    ctx.attribute(HANDLED, Boolean.TRUE);
    ctx.status(kind.status);
    Page page = views.bare(ctx);
    ProblemTexts known = texts(page);
    if (wantsJson(ctx)) {
      // Problems are written in the request's language; English keeps the stable titles.
      boolean english = page.lang() == Lang.EN;
      ProblemDetails problem =
          new ProblemDetails(
              "urn:fabrique:problem:" + kind.id,
              english ? kind.title : page.t("error." + kind.id + ".title"),
              kind.status,
              known.inLanguage(page.lang(), detail != null ? detail : defaultDetail(kind)),
              ctx.path(),
              problems.stream()
                  .map(ProblemDetails.Entry::of)
                  .map(
                      entry ->
                          new ProblemDetails.Entry(
                              known.inLanguage(page.lang(), entry.detail()),
                              entry.location(),
                              entry.severity(),
                              entry.pointer()))
                  .toList());
      try {
        ctx.contentType("application/problem+json").result(json.writeValueAsString(problem));
      } catch (JacksonException e) {
        ctx.contentType("text/plain").result(kind.title);
      }
      return;
    }
    Map<String, Object> params = new HashMap<>();
    params.put("page", page);
    params.put("status", kind.status);
    params.put("title", page.t("error." + kind.id + ".title"));
    // A browser user is better served by a sentence in their language than by which id was missing.
    boolean generic = detail == null || kind == Kind.NOT_FOUND || kind == Kind.UNAUTHENTICATED;
    // One problem is already the detail; several are listed under a sentence that introduces them.
    boolean listed = problems.size() > 1;
    params.put(
        "detail",
        listed
            ? page.t("error.invalid-input.reasons")
            : generic
                ? page.t("error." + kind.id + ".detail")
                : known.inLanguage(page.lang(), detail));
    params.put(
        "problems",
        listed
            ? problems.stream()
                .map(
                    p ->
                        new Problem(
                            p.location(),
                            p.severity(),
                            known.inLanguage(page.lang(), p.message()),
                            p.pointer()))
                .toList()
            : List.<Problem>of());
    ctx.html(views.render("error.jte", params));
  }

  private ProblemTexts texts(Page page) {
    ProblemTexts loaded = texts;
    if (loaded == null) {
      loaded = new ProblemTexts(page.messages());
      texts = loaded;
    }
    return loaded;
  }

  private static String defaultDetail(Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> "There is nothing at this address";
      case METHOD_NOT_ALLOWED -> "This address does not accept this method";
      case TOO_LARGE -> "The request is larger than the server accepts";
      case MISDIRECTED -> "This server does not answer to this host name";
      case INTERNAL -> "Something went wrong on the server; the error was logged";
      default -> kind.title;
    };
  }

  /** API paths always get JSON; other clients get it when they prefer it to HTML. */
  public static boolean wantsJson(Context ctx) {
    if (ctx.path().startsWith("/api/")) {
      return true;
    }
    String accept = ctx.header("Accept");
    if (accept == null) {
      return false;
    }
    int jsonAt = accept.indexOf("json");
    int htmlAt = accept.indexOf("text/html");
    return jsonAt >= 0 && (htmlAt < 0 || jsonAt < htmlAt);
  }
}
