package org.fabrique.core.journey;

import java.util.Objects;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;

/**
 * An actor's role in an intervention, a choice or a use.
 *
 * @param role a term of the {@code roles} vocabulary
 */
public record Participation(
    ElementId id, InquiryId inquiryId, ElementId actor, String role, ItemRef target) {
  public Participation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(inquiryId, "inquiryId");
    Objects.requireNonNull(actor, "actor");
    role = role == null ? "" : role.strip();
    Objects.requireNonNull(target, "target");
  }
}
