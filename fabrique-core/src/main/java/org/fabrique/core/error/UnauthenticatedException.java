package org.fabrique.core.error;

/** Nobody is signed in, or the credentials presented are not valid (HTTP 401, CLI exit 1). */
public class UnauthenticatedException extends FabriqueException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(String message) {
    super(message);
  }
}
