package org.fabrique.core.journey;

import java.util.List;
import java.util.Objects;
import org.fabrique.core.memo.ItemKind;

/**
 * What data can or cannot support, for which population, with which limits. The header's label is
 * the statement.
 */
public record KnowledgeClaim(
    ElementHeader header, ClaimKind claimKind, List<ElementId> about, String population)
    implements JourneyElement {
  public KnowledgeClaim {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(claimKind, "claimKind");
    about = List.copyOf(about);
    population = population == null ? "" : population.strip();
  }

  public KnowledgeClaim withHeader(ElementHeader newHeader) {
    return new KnowledgeClaim(newHeader, claimKind, about, population);
  }

  @Override
  public ItemKind kind() {
    return ItemKind.KNOWLEDGE_CLAIM;
  }

  @Override
  public List<ElementId> references() {
    return about;
  }
}
