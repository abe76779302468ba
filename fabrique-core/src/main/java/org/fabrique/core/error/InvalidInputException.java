package org.fabrique.core.error;

/** The input is malformed, hostile or outside limits (HTTP 400, CLI exit 2). */
public class InvalidInputException extends FabriqueException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
