package org.fabrique.core.error;

/**
 * The one unchecked root of every error Fabrique raises. The message is written for users; the
 * cause keeps the technical detail. Subclasses say what the caller should do.
 */
public abstract class FabriqueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected FabriqueException(String message) {
    super(message);
  }

  protected FabriqueException(String message, Throwable cause) {
    super(message, cause);
  }
}
