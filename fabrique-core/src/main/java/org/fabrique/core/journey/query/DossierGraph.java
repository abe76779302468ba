package org.fabrique.core.journey.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.kind.GraphEdge;
import org.fabrique.core.memo.ItemKind;

/** The journey graph of a case's dossier, laid out in layers. */
final class DossierGraph {
  private DossierGraph() {}

  /**
   * The case's elements (and the data they take in and give out) with the edges between them, each
   * placed in a layer one further than the furthest element it comes from (a longest-path layering;
   * an edge closing a cycle is drawn backwards), ranked in their layer by id.
   */
  static CaseDossier.Graph of(
      List<JourneyElement> elements, InquiryJourneys snapshot, RowSources sources) {
    Map<ElementId, JourneyElement> nodes = new LinkedHashMap<>();
    elements.forEach(e -> nodes.put(e.id(), e));
    List<GraphEdge> edges = new ArrayList<>();
    for (JourneyElement element : elements) {
      for (GraphEdge edge : snapshot.graph.get(element.id()).edges()) {
        for (ElementId end : List.of(edge.from(), edge.to())) {
          JourneyElement other = snapshot.elements.get(end);
          if (other != null && other.kind() == ItemKind.DATA_OBJECT) {
            nodes.putIfAbsent(end, other);
          }
        }
        if (nodes.containsKey(edge.from()) && nodes.containsKey(edge.to())) {
          edges.add(edge);
        }
      }
    }
    List<GraphEdge> forward = forward(nodes.keySet(), edges);
    Map<ElementId, Integer> layer = new HashMap<>();
    nodes.keySet().forEach(id -> layer.put(id, 0));
    // Longest path over the edges that go forward: they make no cycle, so this ends.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (GraphEdge edge : forward) {
        int wanted = layer.get(edge.from()) + 1;
        if (layer.get(edge.to()) < wanted) {
          layer.put(edge.to(), wanted);
          changed = true;
        }
      }
    }
    // An element that comes from nothing (a choice about an intervention) goes just before the
    // first element it leads to, rather than with the first ones.
    Set<ElementId> reached = new HashSet<>();
    forward.forEach(e -> reached.add(e.to()));
    Map<ElementId, Integer> pulled = new HashMap<>();
    for (GraphEdge edge : forward) {
      if (!reached.contains(edge.from())) {
        pulled.merge(edge.from(), layer.get(edge.to()) - 1, Math::min);
      }
    }
    pulled.forEach((id, at) -> layer.put(id, Math.max(0, at)));
    Map<Integer, Integer> ranks = new HashMap<>();
    List<CaseDossier.Node> out = new ArrayList<>();
    List<ElementId> ordered = new ArrayList<>(nodes.keySet());
    ordered.sort(Comparator.comparingLong(ElementId::value));
    for (ElementId id : ordered) {
      int l = layer.get(id);
      int rank = ranks.merge(l, 1, Integer::sum) - 1;
      JourneyElement element = nodes.get(id);
      out.add(new CaseDossier.Node(id, element.kind(), sources.text(element.label()), l, rank));
    }
    List<CaseDossier.Edge> outEdges =
        edges.stream()
            .map(e -> new CaseDossier.Edge(e.from(), e.to(), e.kind()))
            .distinct()
            .toList();
    return new CaseDossier.Graph(out, outEdges);
  }

  /** An element of the depth-first walk and the edges it has still to follow. */
  private record Frame(ElementId at, Iterator<GraphEdge> edges) {}

  /**
   * The edges that go forward in a depth-first walk from the elements in id order: every edge but
   * those that close a cycle (to an element still on the walk's path) and loops.
   */
  private static List<GraphEdge> forward(Set<ElementId> nodes, List<GraphEdge> edges) {
    Map<ElementId, List<GraphEdge>> out = new HashMap<>();
    edges.forEach(e -> out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e));
    Map<ElementId, Integer> state = new HashMap<>(); // 1: on the path, 2: done
    List<GraphEdge> kept = new ArrayList<>();
    List<ElementId> ordered = new ArrayList<>(nodes);
    ordered.sort(Comparator.comparingLong(ElementId::value));
    for (ElementId start : ordered) {
      if (state.containsKey(start)) {
        continue;
      }
      // An explicit stack of elements with the edges still to follow, so that long chains fit.
      ArrayDeque<Frame> stack = new ArrayDeque<>();
      stack.push(new Frame(start, out.getOrDefault(start, List.of()).iterator()));
      state.put(start, 1);
      while (!stack.isEmpty()) {
        Frame top = stack.peek();
        if (!top.edges().hasNext()) {
          state.put(top.at(), 2);
          stack.pop();
          continue;
        }
        GraphEdge edge = top.edges().next();
        Integer seen = state.get(edge.to());
        if (seen == null) {
          kept.add(edge);
          state.put(edge.to(), 1);
          stack.push(new Frame(edge.to(), out.getOrDefault(edge.to(), List.of()).iterator()));
        } else if (seen == 2) {
          kept.add(edge);
        }
      }
    }
    return kept;
  }
}
