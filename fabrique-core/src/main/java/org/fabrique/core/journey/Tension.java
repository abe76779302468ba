package org.fabrique.core.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.memo.ItemKind;

/**
 * A disagreement about a choice, an intervention, a data object or a use. The header's label
 * summarises it.
 *
 * @param nature a term of the {@code tension-natures} vocabulary
 * @param resolutionMode a term of the {@code resolution-modes} vocabulary, or empty
 * @param resolvedBy the intervention or choice that resolved it, if any
 */
public record Tension(
    ElementHeader header,
    List<ElementId> about,
    String nature,
    List<Position> positions,
    TensionStatus status,
    String resolutionMode,
    String resolution,
    Optional<ElementId> resolvedBy)
    implements JourneyElement {
  public Tension {
    Objects.requireNonNull(header, "header");
    about = List.copyOf(about);
    nature = nature == null ? "" : nature.strip();
    positions = List.copyOf(positions);
    Objects.requireNonNull(status, "status");
    resolutionMode = resolutionMode == null ? "" : resolutionMode.strip();
    resolution = resolution == null ? "" : resolution.strip();
    Objects.requireNonNull(resolvedBy, "resolvedBy");
  }

  /** An open tension with its positions. */
  public static Tension open(
      ElementHeader header, List<ElementId> about, String nature, List<Position> positions) {
    return new Tension(
        header, about, nature, positions, TensionStatus.OPEN, "", "", Optional.empty());
  }

  /** The same tension, resolved in a mode, by an intervention or a choice. */
  public Tension resolved(String mode, String how, Optional<ElementId> by) {
    return new Tension(header, about, nature, positions, TensionStatus.RESOLVED, mode, how, by);
  }

  public Tension withHeader(ElementHeader newHeader) {
    return new Tension(
        newHeader, about, nature, positions, status, resolutionMode, resolution, resolvedBy);
  }

  public Tension withPositions(List<Position> newPositions) {
    return new Tension(
        header, about, nature, newPositions, status, resolutionMode, resolution, resolvedBy);
  }

  public Tension withStatus(TensionStatus newStatus) {
    return new Tension(
        header, about, nature, positions, newStatus, resolutionMode, resolution, resolvedBy);
  }

  @Override
  public ItemKind kind() {
    return ItemKind.TENSION;
  }

  @Override
  public List<ElementId> references() {
    List<ElementId> refs = new ArrayList<>(about);
    positions.forEach(p -> refs.add(p.actor()));
    resolvedBy.ifPresent(refs::add);
    return refs;
  }
}
