package org.fabrique.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.fabrique.core.error.Problem;

/**
 * An RFC 9457 problem, sent as {@code application/problem+json}.
 *
 * @param type a URI that names the kind of problem
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong this time, for users
 * @param instance the path of the request
 * @param errors when the input was refused for several reasons, one entry per reason (the extension
 *     member of RFC 9457, section 3); left out when empty
 */
public record ProblemDetails(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Entry> errors) {

  public ProblemDetails {
    errors = List.copyOf(errors);
  }

  /**
   * One reason the input was refused.
   *
   * @param detail what is wrong there, for users
   * @param location where in the input: "event 2", "line 14", a field or the kind of element
   * @param severity "error", "warning" or "info"
   * @param pointer when the input is JSON, the RFC 6901 pointer to the value concerned within the
   *     document named by the location; left out otherwise
   */
  public record Entry(
      String detail,
      String location,
      String severity,
      @JsonInclude(JsonInclude.Include.NON_NULL) String pointer) {
    /** The entry of a problem. */
    public static Entry of(Problem problem) {
      return new Entry(
          problem.message(),
          problem.location(),
          problem.severity().name().toLowerCase(Locale.ROOT),
          problem.pointer());
    }
  }
}
