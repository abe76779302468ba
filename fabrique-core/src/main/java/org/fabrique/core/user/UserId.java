package org.fabrique.core.user;

/** Identifies a user (a coder). */
public record UserId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
