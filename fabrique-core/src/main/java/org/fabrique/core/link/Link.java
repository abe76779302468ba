package org.fabrique.core.link;

import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;

/**
 * A named relation between two items of an inquiry: a code that explains another, a memo about a
 * case, a source that contradicts another.
 *
 * @param colour a CSS colour {@code #rrggbb}, if the link has one
 */
public record Link(
    LinkId id,
    InquiryId inquiryId,
    ItemRef origin,
    ItemRef target,
    String name,
    LinkDirection direction,
    Optional<String> colour) {
  public Link {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(direction, "direction");
    name = name == null ? "" : name;
  }
}
