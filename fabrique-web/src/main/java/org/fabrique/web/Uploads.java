package org.fabrique.web;

import io.javalin.http.Context;
import java.util.Locale;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.web.error.TooLargeException;

/**
 * Multipart bodies are read once, before any handler, so that every route refuses them alike: a
 * body that is not a readable multipart form (no boundary, garbage, cut short) is invalid input
 * (400); one larger than the limit, announced or sent in chunks, is too large (413). Handlers then
 * find the parts already read.
 */
final class Uploads {
  private Uploads() {}

  static void read(Context ctx, long maxBytes) {
    if (!ctx.isMultipartFormData()) {
      return;
    }
    if (ctx.req().getContentLengthLong() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    try {
      ctx.uploadedFiles();
    } catch (IllegalStateException e) {
      // Jetty says "Request exceeds maxRequestSize" or "... exceeds max filesize".
      if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("exceeds")) {
        throw tooLarge(maxBytes);
      }
      throw unreadable(e);
    } catch (Exception e) {
      // Jetty's parser throws IOException and ServletException, which Kotlin code passes on.
      throw unreadable(e);
    }
  }

  private static TooLargeException tooLarge(long maxBytes) {
    return new TooLargeException(
        "The upload is larger than the limit of " + Math.max(1, maxBytes / (1024 * 1024)) + " MB");
  }

  private static InvalidInputException unreadable(Exception cause) {
    return new InvalidInputException(
        "The request is not a readable multipart form (files and fields)", cause);
  }
}
