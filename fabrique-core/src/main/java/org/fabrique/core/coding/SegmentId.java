package org.fabrique.core.coding;

/** Identifies a segment of a source's plain text. */
public record SegmentId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
