package org.fabrique.core.journey;

import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;

/** An element of a data journey. */
public sealed interface JourneyElement
    permits DataObject, Intervention, Actor, Choice, Tension, Use, Procedure, KnowledgeClaim {

  ElementHeader header();

  ItemKind kind();

  default ElementId id() {
    return header().id();
  }

  default InquiryId inquiryId() {
    return header().inquiryId();
  }

  default String label() {
    return header().label();
  }

  /** The name other systems know the element by (OpenLineage), or "". */
  default String externalName() {
    return "";
  }

  default ItemRef ref() {
    return new ItemRef(kind(), id().value());
  }

  /** The elements this one refers to (inputs, actors, targets…), for integrity checks. */
  java.util.List<ElementId> references();
}
