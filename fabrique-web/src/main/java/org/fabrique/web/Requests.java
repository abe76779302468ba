package org.fabrique.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;

/** Reading what a request says: path ids, form fields, query numbers, where to go back to. */
public final class Requests {
  private Requests() {}

  /** A numeric id from the path; an id that is not a number names nothing (404). */
  public static long id(Context ctx, String name) {
    String value = ctx.pathParam(name);
    if (!value.matches("\\d{1,18}")) {
      throw new NotFoundException("There is nothing at this address");
    }
    return Long.parseLong(value);
  }

  /** A form field, trimmed; empty when missing or blank. */
  public static Optional<String> form(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** A form field as typed (not trimmed), empty string when missing. */
  public static String formText(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value;
  }

  public static Optional<Long> formLong(Context ctx, String name) {
    return form(ctx, name).map(v -> parseLong(v, name));
  }

  public static Optional<LocalDate> formDate(Context ctx, String name) {
    return form(ctx, name).map(Requests::parseDate);
  }

  public static LocalDate parseDate(String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("A date is written YYYY-MM-DD, for example 2024-03-18", e);
    }
  }

  /** A whole number given in a query or form; {@code what} names it in the refusal. */
  public static long parseLong(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(what + " is missing");
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(what + " must be a whole number", e);
    }
  }

  /** An integer query parameter, or a default when it is absent. */
  public static int queryInt(Context ctx, String name, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("The parameter " + name + " must be a whole number", e);
    }
  }

  /**
   * A count or a position given in the query ({@code from}, {@code limit}…), or a default when it
   * is absent; a negative one is refused.
   */
  public static int queryCount(Context ctx, String name, int fallback) {
    int value = queryInt(ctx, name, fallback);
    if (value < 0) {
      throw new InvalidInputException("The parameter " + name + " cannot be negative");
    }
    return value;
  }

  /** A local path to go back to (never another site), or the fallback. */
  public static String localPath(String candidate, String fallback) {
    if (candidate == null
        || !candidate.startsWith("/")
        || candidate.startsWith("//")
        || candidate.contains("\\")
        || candidate.contains("\n")
        || candidate.contains("\r")) {
      return fallback;
    }
    return candidate;
  }

  /**
   * Redirects (303) to the form's {@code back} field when it is a local path, else the fallback.
   */
  public static void redirectBack(Context ctx, String fallback) {
    ctx.redirect(localPath(ctx.formParam("back"), fallback), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** Redirects (303) to a path with a notice key shown on arrival. */
  public static void redirectWithNotice(Context ctx, String path, String notice) {
    String separator = path.contains("?") ? "&" : "?";
    ctx.redirect(
        path + separator + "notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** Redirects (303) to a path. */
  public static void redirect(Context ctx, String path) {
    ctx.redirect(path, io.javalin.http.HttpStatus.SEE_OTHER);
  }
}
