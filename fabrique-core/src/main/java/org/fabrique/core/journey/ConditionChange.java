package org.fabrique.core.journey;

import java.util.Objects;
import java.util.Optional;

/**
 * How an intervention changed the use conditions of what it generated: it added a condition or
 * lifted one, because of a choice.
 */
public record ConditionChange(Effect effect, UseCondition condition, Optional<ElementId> choice) {
  public ConditionChange {
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(choice, "choice");
  }

  /** Whether a condition is added or lifted. */
  public enum Effect {
    ADD,
    LIFT
  }
}
