package org.fabrique.core.redaction;

/** A passage found by one detector, in UTF-16 indices of the text (converted once, at the end). */
record Candidate(int from, int to, IdentifierCategory category, Reason reason, double confidence) {
  boolean overlaps(Candidate other) {
    return from < other.to && other.from < to;
  }
}
