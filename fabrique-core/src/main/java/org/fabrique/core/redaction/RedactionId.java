package org.fabrique.core.redaction;

/** The id of a redaction. */
public record RedactionId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
