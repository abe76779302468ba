package org.fabrique.core.coding;

/** Identifies the application of a code to a segment by a coder. */
public record CodingId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
