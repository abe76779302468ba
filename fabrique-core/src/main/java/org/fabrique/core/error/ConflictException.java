package org.fabrique.core.error;

/** The request conflicts with the current state (HTTP 409, CLI exit 1). */
public class ConflictException extends FabriqueException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
