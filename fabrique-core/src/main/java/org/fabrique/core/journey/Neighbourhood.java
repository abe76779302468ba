package org.fabrique.core.journey;

import java.util.Map;
import java.util.Set;

/**
 * The data objects and interventions within a number of steps upstream and downstream of an element
 * (each input or output crossed is a step), walking versions so that a data object's other versions
 * are not reached through it.
 *
 * @param steps each element reached and the fewest steps to it (0 for the start)
 * @param border the elements reached that have neighbours outside the neighbourhood
 */
public record Neighbourhood(
    ElementId start, int depth, Map<ElementId, Integer> steps, Set<ElementId> border) {
  public Neighbourhood {
    steps = Map.copyOf(steps);
    border = Set.copyOf(border);
  }

  public boolean contains(ElementId id) {
    return steps.containsKey(id);
  }
}
