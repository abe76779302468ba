package org.fabrique.core.link;

/** Identifies a link between two items. */
public record LinkId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
