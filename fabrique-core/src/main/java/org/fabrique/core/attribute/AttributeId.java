package org.fabrique.core.attribute;

/** Identifies an attribute definition. */
public record AttributeId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
