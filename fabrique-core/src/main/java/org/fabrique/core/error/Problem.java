package org.fabrique.core.error;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing that went wrong or had to be changed while reading or writing data. Importers and the
 * diff return lists of problems instead of throwing on the first bad row.
 *
 * @param location where: a file name, "file:row:column", an XML path…; never personal data
 * @param severity how bad
 * @param message for users
 * @param pointer when the input is JSON, the RFC 6901 pointer to the value concerned within the
 *     document named by the location ({@code ""} for the whole document); {@code null} when the
 *     problem has no such place
 */
public record Problem(String location, Severity severity, String message, String pointer) {
  public Problem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** A problem with no JSON pointer. */
  public Problem(String location, Severity severity, String message) {
    this(location, severity, message, null);
  }

  /** The same problem, pointing at a value of a JSON document. */
  public Problem at(String jsonPointer) {
    return new Problem(location, severity, message, Objects.requireNonNull(jsonPointer));
  }

  /** The JSON pointer, when there is one. */
  public Optional<String> jsonPointer() {
    return Optional.ofNullable(pointer);
  }

  public static Problem error(String location, String message) {
    return new Problem(location, Severity.ERROR, message);
  }

  public static Problem warning(String location, String message) {
    return new Problem(location, Severity.WARNING, message);
  }

  public static Problem info(String location, String message) {
    return new Problem(location, Severity.INFO, message);
  }

  /** How bad a problem is. An ERROR means the item it concerns was not carried. */
  public enum Severity {
    INFO,
    WARNING,
    ERROR
  }
}
