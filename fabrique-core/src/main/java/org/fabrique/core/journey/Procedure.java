package org.fabrique.core.journey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.memo.ItemKind;

/**
 * A regulatory act: a GDPR legal basis relied on, a CNIL reference methodology declared, an
 * authorisation, a committee opinion, an access decision, a data permit, an impact assessment.
 *
 * @param type a term of the {@code procedures} vocabulary
 * @param reference the act's number or reference
 */
public record Procedure(
    ElementHeader header,
    String type,
    String reference,
    Optional<LocalDate> date,
    Optional<ElementId> issuedBy,
    String outcome)
    implements JourneyElement {
  public Procedure {
    Objects.requireNonNull(header, "header");
    type = type == null ? "" : type.strip();
    reference = reference == null ? "" : reference.strip();
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(issuedBy, "issuedBy");
    outcome = outcome == null ? "" : outcome.strip();
  }

  public Procedure withHeader(ElementHeader newHeader) {
    return new Procedure(newHeader, type, reference, date, issuedBy, outcome);
  }

  @Override
  public ItemKind kind() {
    return ItemKind.PROCEDURE;
  }

  @Override
  public List<ElementId> references() {
    List<ElementId> refs = new ArrayList<>();
    issuedBy.ifPresent(refs::add);
    return refs;
  }
}
