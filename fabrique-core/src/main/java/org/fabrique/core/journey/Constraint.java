package org.fabrique.core.journey;

import java.util.Objects;
import java.util.Optional;

/**
 * A constraint a choice invokes: a GDPR legal basis, a CNIL reference methodology, an
 * authorisation, a committee opinion, a DUO term, consent.
 *
 * @param term a term of the matching vocabulary (e.g. {@code A6-1-e}, {@code MR-004}), or empty
 * @param procedure the regulatory act of the journey it refers to, if any
 */
public record Constraint(
    ConstraintKind kind, String term, String note, Optional<ElementId> procedure) {
  public Constraint {
    Objects.requireNonNull(kind, "kind");
    term = term == null ? "" : term.strip();
    note = note == null ? "" : note.strip();
    Objects.requireNonNull(procedure, "procedure");
  }
}
