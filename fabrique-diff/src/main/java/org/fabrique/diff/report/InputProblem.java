package org.fabrique.diff.report;

import java.util.Optional;

/**
 * A problem found in an input: where it is, how serious it is, and a message for the user. Rows are
 * 1-based data rows (the header is row 0); absent when the problem concerns the whole file.
 */
public record InputProblem(
    String file, Optional<Long> row, Optional<String> column, Severity severity, String message) {

  public static InputProblem ofFile(String file, Severity severity, String message) {
    return new InputProblem(file, Optional.empty(), Optional.empty(), severity, message);
  }

  public static InputProblem ofRow(String file, long row, Severity severity, String message) {
    return new InputProblem(file, Optional.of(row), Optional.empty(), severity, message);
  }

  public static InputProblem ofColumn(
      String file, String column, Severity severity, String message) {
    return new InputProblem(file, Optional.empty(), Optional.of(column), severity, message);
  }
}
