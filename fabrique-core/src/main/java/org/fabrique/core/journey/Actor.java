package org.fabrique.core.journey;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.memo.ItemKind;

/**
 * A person, organisation, committee or software. The header's label is its pseudonym, always
 * present; the real name is optional, confidential and never exported unless allowed.
 */
public record Actor(ElementHeader header, ActorType type, Optional<String> realName)
    implements JourneyElement {
  public Actor {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(type, "type");
    realName = realName.map(String::strip).filter(s -> !s.isEmpty());
  }

  public String pseudonym() {
    return header.label();
  }

  @Override
  public ItemKind kind() {
    return ItemKind.ACTOR;
  }

  @Override
  public List<ElementId> references() {
    return List.of();
  }

  /** Never shows the real name. */
  @Override
  public String toString() {
    return "Actor[" + header.id() + ", " + type.id() + ", " + pseudonym() + "]";
  }
}
