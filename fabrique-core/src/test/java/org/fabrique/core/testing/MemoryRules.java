package org.fabrique.core.testing;

import org.fabrique.core.error.ConflictException;

/**
 * The refusals of the {@link MemoryStore} where a database refuses a write: the same exceptions,
 * with the same messages, as the JDBC store gives for a broken constraint.
 */
final class MemoryRules {
  private MemoryRules() {}

  static ConflictException duplicateId() {
    return new ConflictException("An item with this id already exists");
  }

  static ConflictException duplicate() {
    return new ConflictException("This item already exists");
  }

  static ConflictException brokenReference() {
    return new ConflictException(
        "The change refers to an item that no longer exists, "
            + "or removes an item that others still refer to");
  }
}
