package org.fabrique.core.journey;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.memo.ItemKind;

/**
 * A person, organisation, committee or software. The header's label is its pseudonym, always
 * present; the real name is optional, confidential and never exported unless allowed.
 *
 * @param category a term of the {@code actor-categories} vocabulary (researcher, lawyer, ethics
 *     committee…), or empty
 * @param institution the institution the actor belongs to or speaks for, as the researcher names
 *     it, or empty
 */
public record Actor(
    ElementHeader header,
    ActorType type,
    Optional<String> realName,
    String category,
    String institution)
    implements JourneyElement {
  public Actor {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(type, "type");
    realName = realName == null ? Optional.empty() : realName;
    realName = realName.map(String::strip).filter(s -> !s.isEmpty());
    category = category == null ? "" : category.strip();
    institution = institution == null ? "" : institution.strip();
  }

  /** An actor of no known category or institution. */
  public Actor(ElementHeader header, ActorType type, Optional<String> realName) {
    this(header, type, realName, "", "");
  }

  /** The same actor in a category and an institution. */
  public Actor withCategory(String newCategory, String newInstitution) {
    return new Actor(header, type, realName, newCategory, newInstitution);
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
