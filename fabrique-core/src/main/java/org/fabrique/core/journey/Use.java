package org.fabrique.core.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.memo.ItemKind;

/**
 * A new use of data. The header's label states the purpose.
 *
 * @param purposeTerm a term of the {@code purposes} vocabulary (DPV), or empty
 * @param procedure the regulatory act under which the use was allowed, if any
 */
public record Use(
    ElementHeader header,
    String purposeTerm,
    Optional<ElementId> requester,
    List<ElementId> dataUsed,
    List<UseCondition> conditionsRequested,
    Optional<ElementId> procedure)
    implements JourneyElement {
  public Use {
    Objects.requireNonNull(header, "header");
    purposeTerm = purposeTerm == null ? "" : purposeTerm.strip();
    Objects.requireNonNull(requester, "requester");
    dataUsed = List.copyOf(dataUsed);
    conditionsRequested = List.copyOf(conditionsRequested);
    Objects.requireNonNull(procedure, "procedure");
  }

  public Use withHeader(ElementHeader newHeader) {
    return new Use(newHeader, purposeTerm, requester, dataUsed, conditionsRequested, procedure);
  }

  @Override
  public ItemKind kind() {
    return ItemKind.USE;
  }

  @Override
  public List<ElementId> references() {
    List<ElementId> refs = new ArrayList<>(dataUsed);
    requester.ifPresent(refs::add);
    procedure.ifPresent(refs::add);
    return refs;
  }
}
