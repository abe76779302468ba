package org.fabrique.core.journey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable adjacency index of an inquiry's journey graph: data objects and interventions as
 * nodes, inputs and outputs as edges. Nodes are numbered densely; edges are kept in int arrays so
 * that a graph of 100,000 interventions is walked in a few milliseconds.
 */
final class LineageGraph {
  private final long revision;
  private final Map<Long, Integer> indexOf;
  private final long[] idOf;
  private final boolean[] isIntervention;

  /** For a data object: the interventions that generated it; for an intervention: its inputs. */
  private final int[][] up;

  /** For a data object: the interventions that used it; for an intervention: its outputs. */
  private final int[][] down;

  private LineageGraph(
      long revision,
      Map<Long, Integer> indexOf,
      long[] idOf,
      boolean[] isIntervention,
      int[][] up,
      int[][] down) {
    this.revision = revision;
    this.indexOf = indexOf;
    this.idOf = idOf;
    this.isIntervention = isIntervention;
    this.up = up;
    this.down = down;
  }

  long revision() {
    return revision;
  }

  boolean contains(ElementId id) {
    return indexOf.containsKey(id.value());
  }

  int nodeCount() {
    return idOf.length;
  }

  static LineageGraph of(long revision, List<Flow> flows) {
    Map<Long, Integer> indexOf = new HashMap<>(flows.size() * 2);
    List<Long> ids = new ArrayList<>();
    List<Boolean> interventions = new ArrayList<>();
    int[] from = new int[flows.size()];
    int[] to = new int[flows.size()];
    int[] upCount = new int[16];
    int[] downCount = new int[16];
    int n = 0;
    for (Flow flow : flows) {
      int intervention = node(indexOf, ids, interventions, flow.intervention().value(), true);
      int object = node(indexOf, ids, interventions, flow.dataObject().value(), false);
      // an edge from -> to goes downstream
      if (flow.direction() == Flow.Direction.INPUT) {
        from[n] = object;
        to[n] = intervention;
      } else {
        from[n] = intervention;
        to[n] = object;
      }
      int size = ids.size();
      if (size > upCount.length) {
        upCount = Arrays.copyOf(upCount, Math.max(size, upCount.length * 2));
        downCount = Arrays.copyOf(downCount, upCount.length);
      }
      downCount[from[n]]++;
      upCount[to[n]]++;
      n++;
    }
    int size = ids.size();
    int[][] up = new int[size][];
    int[][] down = new int[size][];
    for (int i = 0; i < size; i++) {
      up[i] = new int[upCount.length > i ? upCount[i] : 0];
      down[i] = new int[downCount.length > i ? downCount[i] : 0];
    }
    int[] upFill = new int[size];
    int[] downFill = new int[size];
    for (int e = 0; e < n; e++) {
      down[from[e]][downFill[from[e]]++] = to[e];
      up[to[e]][upFill[to[e]]++] = from[e];
    }
    long[] idOf = new long[size];
    boolean[] isIntervention = new boolean[size];
    for (int i = 0; i < size; i++) {
      idOf[i] = ids.get(i);
      isIntervention[i] = interventions.get(i);
    }
    return new LineageGraph(revision, indexOf, idOf, isIntervention, up, down);
  }

  private static int node(
      Map<Long, Integer> indexOf,
      List<Long> ids,
      List<Boolean> interventions,
      long id,
      boolean intervention) {
    Integer known = indexOf.get(id);
    if (known != null) {
      return known;
    }
    int index = ids.size();
    indexOf.put(id, index);
    ids.add(id);
    interventions.add(intervention);
    return index;
  }

  /** Walks upstream from an element, at most {@code depth} interventions away. */
  Lineage upstream(ElementId start, int depth) {
    return walk(start, depth, up, Lineage.Direction.UPSTREAM);
  }

  /** Walks downstream from an element, at most {@code depth} interventions away. */
  Lineage downstream(ElementId start, int depth) {
    return walk(start, depth, down, Lineage.Direction.DOWNSTREAM);
  }

  private Lineage walk(ElementId start, int depth, int[][] next, Lineage.Direction direction) {
    Integer origin = indexOf.get(start.value());
    if (origin == null) {
      return new Lineage(start, direction, depth, List.of(), List.of());
    }
    int[] level = new int[idOf.length];
    Arrays.fill(level, -1);
    level[origin] = 0;
    int[] queue = new int[idOf.length];
    int head = 0;
    int tail = 0;
    queue[tail++] = origin;
    List<Lineage.Node> nodes = new ArrayList<>();
    List<Flow> edges = new ArrayList<>();
    while (head < tail) {
      int current = queue[head++];
      // the distance counts interventions crossed
      int distance = level[current];
      if (isIntervention[current] ? distance > depth : distance >= depth) {
        continue;
      }
      for (int neighbour : next[current]) {
        int reached = isIntervention[neighbour] ? distance + 1 : distance;
        if (isIntervention[neighbour] && reached > depth) {
          continue;
        }
        edges.add(flow(current, neighbour, direction));
        if (level[neighbour] >= 0) {
          continue;
        }
        level[neighbour] = reached;
        nodes.add(
            new Lineage.Node(
                new ElementId(idOf[neighbour]),
                isIntervention[neighbour]
                    ? org.fabrique.core.memo.ItemKind.INTERVENTION
                    : org.fabrique.core.memo.ItemKind.DATA_OBJECT,
                level[neighbour]));
        queue[tail++] = neighbour;
      }
    }
    return new Lineage(start, direction, depth, nodes, edges);
  }

  private Flow flow(int current, int neighbour, Lineage.Direction direction) {
    int intervention = isIntervention[current] ? current : neighbour;
    int object = isIntervention[current] ? neighbour : current;
    boolean downstreamEdge = direction == Lineage.Direction.DOWNSTREAM;
    // downstream: object -> intervention is an input; intervention -> object an output
    boolean input = downstreamEdge != isIntervention[current];
    return new Flow(
        new ElementId(idOf[intervention]),
        new ElementId(idOf[object]),
        input ? Flow.Direction.INPUT : Flow.Direction.OUTPUT);
  }
}
