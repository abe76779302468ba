package org.fabrique.core.error;

/**
 * A change that kept meeting others being saved at the same time, after the store ran it again as
 * many times as it allows (decision 0021). Nothing was changed; trying again later may succeed. It
 * says nothing of the state of the items, so an undo that ends with it is not set aside.
 */
public class ConcurrentChangeException extends ConflictException {
  private static final long serialVersionUID = 1L;

  public ConcurrentChangeException(String message, Throwable cause) {
    super(message, cause);
  }
}
