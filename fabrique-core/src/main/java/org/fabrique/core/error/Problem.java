package org.fabrique.core.error;

import java.util.Objects;

/**
 * One thing that went wrong or had to be changed while reading or writing data. Importers and the
 * diff return lists of problems instead of throwing on the first bad row.
 *
 * @param location where: a file name, "file:row:column", an XML path…; never personal data
 * @param severity how bad
 * @param message for users
 */
public record Problem(String location, Severity severity, String message) {
  public Problem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
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
