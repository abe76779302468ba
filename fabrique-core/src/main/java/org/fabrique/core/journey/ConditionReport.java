package org.fabrique.core.journey;

import java.util.List;
import java.util.Optional;

/**
 * The use conditions that apply to a data object, propagated along the derivations that produced
 * it, with the choices that added or lifted them.
 */
public record ConditionReport(ElementId dataObject, List<Applied> conditions, List<Lifted> lifted) {
  public ConditionReport {
    conditions = List.copyOf(conditions);
    lifted = List.copyOf(lifted);
  }

  /**
   * A condition in force.
   *
   * @param origin the data object that declared it, or the intervention that added it
   * @param choices the choices that added it along the way
   */
  public record Applied(UseCondition condition, ElementId origin, List<ElementId> choices) {
    public Applied {
      choices = List.copyOf(choices);
    }
  }

  /** A condition lifted upstream by an intervention, because of a choice. */
  public record Lifted(
      UseCondition condition,
      ElementId origin,
      ElementId intervention,
      Optional<ElementId> choice) {}
}
