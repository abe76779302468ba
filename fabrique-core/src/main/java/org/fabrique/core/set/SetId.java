package org.fabrique.core.set;

/** Identifies a set of items. */
public record SetId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
