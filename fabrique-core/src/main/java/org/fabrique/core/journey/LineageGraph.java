package org.fabrique.core.journey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.memo.ItemKind;

/**
 * An immutable adjacency index of an inquiry's journey graph: interventions and the versions of
 * data objects as nodes (see {@link DatasetVersions}), inputs and outputs as edges. Nodes are
 * numbered densely; edges are kept in int arrays so that a graph of 100,000 interventions is walked
 * in a few milliseconds.
 */
final class LineageGraph {
  private static final int[] NONE = new int[0];

  private final long revision;
  private final DatasetVersions versions;
  private final Map<Long, Integer> interventionIndex;
  private final Map<Long, int[]> objectIndex;
  private final long[] idOf;
  private final DatasetVersions.Version[] versionOf;

  /** For a version: the intervention that generated it; for an intervention: its inputs. */
  private final int[][] up;

  /** For a version: the interventions that used it; for an intervention: its outputs. */
  private final int[][] down;

  private LineageGraph(
      long revision,
      DatasetVersions versions,
      Map<Long, Integer> interventionIndex,
      Map<Long, int[]> objectIndex,
      long[] idOf,
      DatasetVersions.Version[] versionOf,
      int[][] up,
      int[][] down) {
    this.revision = revision;
    this.versions = versions;
    this.interventionIndex = interventionIndex;
    this.objectIndex = objectIndex;
    this.idOf = idOf;
    this.versionOf = versionOf;
    this.up = up;
    this.down = down;
  }

  long revision() {
    return revision;
  }

  DatasetVersions versions() {
    return versions;
  }

  int nodeCount() {
    return idOf.length;
  }

  static LineageGraph of(long revision, List<Flow> flows) {
    DatasetVersions versions = DatasetVersions.of(flows);
    Map<Long, Integer> interventionIndex = new HashMap<>();
    Map<Long, int[]> objectIndex = new HashMap<>();
    List<Long> ids = new ArrayList<>();
    List<DatasetVersions.Version> versionList = new ArrayList<>();
    for (Flow flow : flows) {
      interventionIndex.computeIfAbsent(
          flow.intervention().value(),
          k -> {
            ids.add(k);
            versionList.add(null);
            return ids.size() - 1;
          });
      objectIndex.computeIfAbsent(
          flow.dataObject().value(),
          k -> {
            List<DatasetVersions.Version> all = versions.versions(flow.dataObject());
            int[] nodes = new int[all.size()];
            for (int i = 0; i < nodes.length; i++) {
              ids.add(k);
              versionList.add(all.get(i));
              nodes[i] = ids.size() - 1;
            }
            return nodes;
          });
    }
    int size = ids.size();
    int[] from = new int[flows.size()];
    int[] to = new int[flows.size()];
    int[] upCount = new int[size];
    int[] downCount = new int[size];
    int n = 0;
    for (Flow flow : flows) {
      Optional<DatasetVersions.Version> version = versions.of(flow);
      if (version.isEmpty()) {
        continue;
      }
      int intervention = interventionIndex.get(flow.intervention().value());
      int object = versionNode(objectIndex, versionList, flow.dataObject(), version.get());
      // an edge from -> to goes downstream
      if (flow.direction() == Flow.Direction.INPUT) {
        from[n] = object;
        to[n] = intervention;
      } else {
        from[n] = intervention;
        to[n] = object;
      }
      downCount[from[n]]++;
      upCount[to[n]]++;
      n++;
    }
    int[][] up = new int[size][];
    int[][] down = new int[size][];
    for (int i = 0; i < size; i++) {
      up[i] = upCount[i] == 0 ? NONE : new int[upCount[i]];
      down[i] = downCount[i] == 0 ? NONE : new int[downCount[i]];
    }
    int[] upFill = new int[size];
    int[] downFill = new int[size];
    for (int e = 0; e < n; e++) {
      down[from[e]][downFill[from[e]]++] = to[e];
      up[to[e]][upFill[to[e]]++] = from[e];
    }
    long[] idOf = new long[size];
    for (int i = 0; i < size; i++) {
      idOf[i] = ids.get(i);
    }
    return new LineageGraph(
        revision,
        versions,
        interventionIndex,
        objectIndex,
        idOf,
        versionList.toArray(new DatasetVersions.Version[0]),
        up,
        down);
  }

  private static int versionNode(
      Map<Long, int[]> objectIndex,
      List<DatasetVersions.Version> versionList,
      ElementId object,
      DatasetVersions.Version version) {
    // the nodes of an object's versions are in the order of their numbers (0 first when present)
    int[] nodes = objectIndex.get(object.value());
    return nodes[version.number() - versionList.get(nodes[0]).number()];
  }

  /** Walks upstream from an element, at most {@code depth} interventions away. */
  Lineage upstream(ElementId start, int depth) {
    return walk(start, origins(start), depth, up, Lineage.Direction.UPSTREAM);
  }

  /** Walks downstream from an element, at most {@code depth} interventions away. */
  Lineage downstream(ElementId start, int depth) {
    return walk(start, origins(start), depth, down, Lineage.Direction.DOWNSTREAM);
  }

  /** Walks from one version of a data object. */
  Lineage walk(ElementId object, int version, int depth, Lineage.Direction direction) {
    int[] origin = NONE;
    for (int node : objectIndex.getOrDefault(object.value(), NONE)) {
      if (versionOf[node].number() == version) {
        origin = new int[] {node};
      }
    }
    return walk(
        object, origin, depth, direction == Lineage.Direction.UPSTREAM ? up : down, direction);
  }

  /**
   * The elements within {@code depth} steps upstream and downstream of a start (an intervention, or
   * every version of a data object), each input or output crossed being a step.
   */
  Neighbourhood around(ElementId start, int depth) {
    int[] origins = origins(start);
    Map<ElementId, Integer> steps = new HashMap<>();
    if (origins.length == 0) {
      return new Neighbourhood(start, depth, Map.of(start, 0), java.util.Set.of());
    }
    boolean[] inView = new boolean[idOf.length];
    for (int[][] next : List.of(up, down)) {
      int[] level = new int[idOf.length];
      Arrays.fill(level, -1);
      int[] queue = new int[idOf.length];
      int head = 0;
      int tail = 0;
      for (int origin : origins) {
        level[origin] = 0;
        queue[tail++] = origin;
      }
      while (head < tail) {
        int current = queue[head++];
        inView[current] = true;
        steps.merge(new ElementId(idOf[current]), level[current], Math::min);
        if (level[current] >= depth) {
          continue;
        }
        for (int neighbour : next[current]) {
          if (level[neighbour] < 0) {
            level[neighbour] = level[current] + 1;
            queue[tail++] = neighbour;
          }
        }
      }
    }
    java.util.Set<ElementId> border = new java.util.HashSet<>();
    for (int node = 0; node < idOf.length; node++) {
      if (!inView[node]) {
        continue;
      }
      for (int[][] next : List.of(up, down)) {
        for (int neighbour : next[node]) {
          if (!inView[neighbour]) {
            border.add(new ElementId(idOf[node]));
          }
        }
      }
    }
    return new Neighbourhood(start, depth, steps, border);
  }

  /** An intervention, or every version of a data object (the data object as a whole). */
  private int[] origins(ElementId start) {
    Integer intervention = interventionIndex.get(start.value());
    if (intervention != null) {
      return new int[] {intervention};
    }
    return objectIndex.getOrDefault(start.value(), NONE);
  }

  private boolean isIntervention(int node) {
    return versionOf[node] == null;
  }

  private Lineage walk(
      ElementId start, int[] origins, int depth, int[][] next, Lineage.Direction direction) {
    if (origins.length == 0) {
      return new Lineage(start, direction, depth, List.of(), List.of());
    }
    int[] level = new int[idOf.length];
    Arrays.fill(level, -1);
    int[] queue = new int[idOf.length];
    int head = 0;
    int tail = 0;
    for (int origin : origins) {
      level[origin] = 0;
      queue[tail++] = origin;
    }
    List<Lineage.Node> nodes = new ArrayList<>();
    List<Lineage.Edge> edges = new ArrayList<>();
    while (head < tail) {
      int current = queue[head++];
      // the distance counts interventions crossed
      int distance = level[current];
      if (isIntervention(current) ? distance > depth : distance >= depth) {
        continue;
      }
      for (int neighbour : next[current]) {
        int reached = isIntervention(neighbour) ? distance + 1 : distance;
        if (isIntervention(neighbour) && reached > depth) {
          continue;
        }
        edges.add(edge(current, neighbour, direction));
        if (level[neighbour] >= 0) {
          continue;
        }
        level[neighbour] = reached;
        nodes.add(
            new Lineage.Node(
                new ElementId(idOf[neighbour]),
                isIntervention(neighbour) ? ItemKind.INTERVENTION : ItemKind.DATA_OBJECT,
                level[neighbour],
                Optional.ofNullable(versionOf[neighbour])));
        queue[tail++] = neighbour;
      }
    }
    return new Lineage(start, direction, depth, nodes, edges);
  }

  private Lineage.Edge edge(int current, int neighbour, Lineage.Direction direction) {
    int intervention = isIntervention(current) ? current : neighbour;
    int object = isIntervention(current) ? neighbour : current;
    boolean downstreamEdge = direction == Lineage.Direction.DOWNSTREAM;
    // downstream: object -> intervention is an input; intervention -> object an output
    boolean input = downstreamEdge != isIntervention(current);
    return new Lineage.Edge(
        new ElementId(idOf[intervention]),
        new ElementId(idOf[object]),
        input ? Flow.Direction.INPUT : Flow.Direction.OUTPUT,
        versionOf[object].number());
  }
}
