package org.fabrique.core.error;

/** The thing asked for does not exist (HTTP 404, CLI exit 1). */
public class NotFoundException extends FabriqueException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
