package org.fabrique.core.journey;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.memo.ItemKind;

/**
 * What lies upstream or downstream of an element, to a depth counted in interventions crossed. The
 * walk goes from version to version of the data objects (see {@link DatasetVersions}): a data
 * object reached is listed once per version reached.
 *
 * @param nodes the data objects and interventions reached, nearest first, without the start
 * @param edges the inputs and outputs walked
 */
public record Lineage(
    ElementId start, Direction direction, int depth, List<Node> nodes, List<Edge> edges) {
  public Lineage {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** Which way the walk went. */
  public enum Direction {
    UPSTREAM,
    DOWNSTREAM
  }

  /**
   * An element reached, with the number of interventions between it and the start, and for a data
   * object the version reached.
   */
  public record Node(
      ElementId id, ItemKind kind, int distance, Optional<DatasetVersions.Version> version) {
    public Node(ElementId id, ItemKind kind, int distance) {
      this(id, kind, distance, Optional.empty());
    }
  }

  /** An input or output walked, with the number of the version used or generated. */
  public record Edge(
      ElementId intervention, ElementId dataObject, Flow.Direction direction, int version) {}
}
