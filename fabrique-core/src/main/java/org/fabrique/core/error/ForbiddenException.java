package org.fabrique.core.error;

/** The user may not do this (HTTP 403, CLI exit 1). */
public class ForbiddenException extends FabriqueException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }

  public ForbiddenException(String message, Throwable cause) {
    super(message, cause);
  }
}
