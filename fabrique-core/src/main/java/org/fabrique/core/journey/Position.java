package org.fabrique.core.journey;

import java.util.Objects;

/** The stance an actor took in a tension, and the argument they gave. */
public record Position(ElementId actor, String stance, String argument) {
  public Position {
    Objects.requireNonNull(actor, "actor");
    stance = stance == null ? "" : stance.strip();
    argument = argument == null ? "" : argument.strip();
  }
}
