package org.fabrique.core.journey;

/** A span {@code [start, end)} in Unicode code points of a source's plain text. */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("A span needs 0 <= start <= end");
    }
  }
}
