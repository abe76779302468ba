package org.fabrique.core.corpus;

/** Identifies a source of the corpus. */
public record SourceId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
