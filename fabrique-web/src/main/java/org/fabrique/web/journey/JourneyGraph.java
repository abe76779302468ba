package org.fabrique.web.journey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.journey.DatasetVersions;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.EvidenceCoverage;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.journey.kind.GraphEdge;
import org.fabrique.core.journey.kind.GraphFacts;
import org.fabrique.core.journey.query.JourneyQuery;

/**
 * The journey graph of a case as the page draws it: a node per element of the case, and a node per
 * version of a dataset that has several (decision 10): each run that generated a version points to
 * it, each run that read it comes from it, and the dataset's own node points to each of its
 * versions. A dataset with one version is drawn as its node alone.
 */
final class JourneyGraph {
  /**
   * A node: an element (its id as {@code id} and {@code element}), or a version of a data object
   * ({@code id} {@code <element>-v<number>}, {@code version} its label, {@code number} its number;
   * evidence, filters and expansion are those of its data object). {@code evidence} counts the
   * pieces of evidence backing the element; {@code matches} is false when the graph is filtered and
   * the element does not pass the filters.
   */
  record Node(
      String id,
      long element,
      String kind,
      String label,
      String type,
      String knownBy,
      String status,
      long evidence,
      boolean border,
      boolean matches,
      String version,
      Integer number) {}

  /**
   * An edge between nodes: an input, an output, a choice or tension about an element, or ({@code
   * version}) a data object to one of its versions; an input or output of a data object with
   * several versions names the version used or generated.
   */
  record Edge(String id, String source, String target, String kind, String version) {}

  /**
   * A journey graph: the whole case, or the part within {@code depth} steps of {@code focus} (null
   * for the whole), whose {@code border} nodes have neighbours beyond it; {@code size} counts the
   * interventions and data object versions of the inquiry's lineage; {@code filters} are the
   * filters by actor, dimension and date applied (empty: none, every node matches).
   */
  record Graph(
      List<Node> nodes,
      List<Edge> edges,
      Long focus,
      Integer depth,
      int size,
      Map<String, List<String>> filters) {}

  /** The elements that pass the graph's filters, or empty when there are none. */
  record Lit(JourneyQuery query, Optional<Set<ElementId>> ids) {
    boolean matches(ElementId id) {
      return ids.map(found -> found.contains(id)).orElse(true);
    }
  }

  private final Case theCase;
  private final DatasetVersions versions;
  private final Lit lit;
  private final BiFunction<String, DatasetVersions.Version, String> versionLabel;

  /**
   * @param versionLabel the label of a version's node from its data object's label and the version,
   *     in the reader's language
   */
  JourneyGraph(
      Case theCase,
      DatasetVersions versions,
      Lit lit,
      BiFunction<String, DatasetVersions.Version, String> versionLabel) {
    this.theCase = theCase;
    this.versions = versions;
    this.lit = lit;
    this.versionLabel = versionLabel;
  }

  /** A graph with nothing in it (a case without a journey). */
  Graph empty(int depth, int size) {
    return new Graph(List.of(), List.of(), null, depth, size, lit.query().parameters());
  }

  /** The graph of these elements (those of the case among them). */
  Graph of(
      List<JourneyElement> all,
      EvidenceCoverage coverage,
      Set<ElementId> border,
      Long focus,
      Integer depth,
      int size) {
    Map<ElementId, JourneyElement> present = new LinkedHashMap<>();
    for (JourneyElement element : all) {
      if (element.header().caseId().equals(Optional.of(theCase.id()))) {
        present.put(element.id(), element);
      }
    }
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    for (JourneyElement element : present.values()) {
      GraphFacts facts = ElementKinds.of(element).graph(element);
      nodes.put(
          id(element.id()), node(element, facts, coverage, border.contains(element.id()), null));
    }
    for (JourneyElement element : present.values()) {
      for (GraphEdge edge : ElementKinds.of(element).graph(element).edges()) {
        if (!present.containsKey(edge.from()) || !present.containsKey(edge.to())) {
          continue;
        }
        Optional<DatasetVersions.Version> version = version(edge);
        String from = id(edge.from());
        String to = id(edge.to());
        if (version.isPresent()) {
          String versionNode = versionNode(version.get(), present, coverage, nodes, edges);
          if (edge.kind().equals("input")) {
            from = versionNode;
          } else {
            to = versionNode;
          }
        }
        edges.add(
            new Edge(
                edge.kind() + "-" + from + "-" + to,
                from,
                to,
                edge.kind(),
                version.map(DatasetVersions.Version::label).orElse(null)));
      }
    }
    return new Graph(
        List.copyOf(nodes.values()), edges, focus, depth, size, lit.query().parameters());
  }

  private static String id(ElementId id) {
    return Long.toString(id.value());
  }

  private Node node(
      JourneyElement element,
      GraphFacts facts,
      EvidenceCoverage coverage,
      boolean onBorder,
      DatasetVersions.Version version) {
    return new Node(
        version == null ? id(element.id()) : versionId(version),
        element.id().value(),
        element.kind().id(),
        version == null ? element.label() : versionLabel.apply(element.label(), version),
        facts.type(),
        element.header().knownBy().id(),
        facts.status(),
        coverage.count(element.id()),
        onBorder,
        lit.matches(element.id()),
        version == null ? null : version.label(),
        version == null ? null : version.number());
  }

  private static String versionId(DatasetVersions.Version version) {
    return version.dataObject().value() + "-v" + version.number();
  }

  /** The node of a version, added with the edge from its data object the first time it is met. */
  private String versionNode(
      DatasetVersions.Version version,
      Map<ElementId, JourneyElement> present,
      EvidenceCoverage coverage,
      Map<String, Node> nodes,
      List<Edge> edges) {
    String id = versionId(version);
    if (!nodes.containsKey(id)) {
      JourneyElement object = present.get(version.dataObject());
      nodes.put(id, node(object, ElementKinds.of(object).graph(object), coverage, false, version));
      String from = id(version.dataObject());
      edges.add(new Edge("version-" + from + "-" + id, from, id, "version", version.label()));
    }
    return id;
  }

  /**
   * The version an input or output edge used or generated, when its data object has several
   * versions (the graph draws them apart then).
   */
  private Optional<DatasetVersions.Version> version(GraphEdge edge) {
    Optional<DatasetVersions.Version> version =
        switch (edge.kind()) {
          case "input" -> versions.used(edge.to(), edge.from());
          case "output" -> versions.generated(edge.from(), edge.to());
          default -> Optional.empty();
        };
    return version.filter(v -> versions.versioned(v.dataObject()));
  }
}
