package org.fabrique.core.history;

import java.util.Optional;
import org.fabrique.core.error.ConflictException;

/** Checks that operations make of the state they change. */
public final class Require {
  private Require() {}

  /**
   * The value of something an operation needs.
   *
   * @throws ConflictException when it no longer exists (for instance, another user deleted it)
   */
  public static <T> T present(Optional<T> value, String what) {
    return value.orElseThrow(() -> new ConflictException(what + " no longer exists"));
  }

  /** Throws a conflict with this message unless the condition holds. */
  public static void state(boolean condition, String message) {
    if (!condition) {
      throw new ConflictException(message);
    }
  }
}
