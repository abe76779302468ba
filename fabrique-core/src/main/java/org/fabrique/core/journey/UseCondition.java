package org.fabrique.core.journey;

/**
 * A condition on the use of data, by a term of the DUO vocabulary (e.g. {@code DUO:0000021}) or of
 * the inquiry's own terms, with a note.
 */
public record UseCondition(String term, String note) {
  public UseCondition {
    term = term == null ? "" : term.strip();
    note = note == null ? "" : note.strip();
  }
}
