package org.fabrique.core.journey;

/** One edge of the journey graph: an intervention used or generated a data object. */
public record Flow(ElementId intervention, ElementId dataObject, Direction direction) {

  /** Whether the object was an input (used) or an output (generated). */
  public enum Direction {
    INPUT,
    OUTPUT
  }
}
