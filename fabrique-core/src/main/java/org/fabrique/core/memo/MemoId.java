package org.fabrique.core.memo;

/** Identifies a memo. */
public record MemoId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
