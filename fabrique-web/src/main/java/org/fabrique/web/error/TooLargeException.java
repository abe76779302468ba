package org.fabrique.web.error;

/** A request larger than the server accepts (413); the message says the limit, for users. */
public final class TooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TooLargeException(String message) {
    super(message);
  }
}
