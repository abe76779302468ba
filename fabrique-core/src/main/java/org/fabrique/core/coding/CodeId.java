package org.fabrique.core.coding;

/** Identifies a code of the codebook. */
public record CodeId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
