package org.fabrique.core.redaction;

/**
 * A passage that looks like an identifier, found by the assistant: the researcher decides.
 *
 * @param start first code point of the passage
 * @param end code point after the passage
 * @param confidence how sure the assistant is, from 0 to 1
 */
public record Suggestion(
    int start, int end, IdentifierCategory category, Reason reason, double confidence) {
  public Suggestion {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("A suggestion needs a non-empty span");
    }
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("A confidence lies between 0 and 1");
    }
  }

  public int length() {
    return end - start;
  }

  public boolean overlaps(Suggestion other) {
    return start < other.end && other.start < end;
  }
}
