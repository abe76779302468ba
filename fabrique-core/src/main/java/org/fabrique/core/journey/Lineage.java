package org.fabrique.core.journey;

import java.util.List;
import org.fabrique.core.memo.ItemKind;

/**
 * What lies upstream or downstream of an element, to a depth counted in interventions crossed.
 *
 * @param nodes the data objects and interventions reached, nearest first, without the start
 * @param edges the inputs and outputs walked
 */
public record Lineage(
    ElementId start, Direction direction, int depth, List<Node> nodes, List<Flow> edges) {
  public Lineage {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** Which way the walk went. */
  public enum Direction {
    UPSTREAM,
    DOWNSTREAM
  }

  /** An element reached, with the number of interventions between it and the start. */
  public record Node(ElementId id, ItemKind kind, int distance) {}
}
