package org.fabrique.diff;

/**
 * An input cannot be compared at all: it does not exist, cannot be opened, or is of an unknown
 * format. Lesser problems (a ragged row, a bad byte) are not thrown but listed in the report.
 */
public final class DiffInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DiffInputException(String message) {
    super(message);
  }

  public DiffInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
