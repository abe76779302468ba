package org.fabrique.core.journey.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.redaction.ExportScope;

/**
 * What a case's dossier says, as it may go out under an export profile: every text is already
 * redacted and every vocabulary term already in the reader's language. The renderers (HTML, PDF)
 * lay it out and add nothing but headings.
 *
 * @param language the language of the labels ({@code en} or {@code fr})
 * @param profile the redaction profile the dossier went through
 * @param report what the profile changed or left out, in counts (the data-loss report)
 */
public record CaseDossier(
    String language,
    String inquiry,
    String caseName,
    String domain,
    String description,
    String profile,
    ExportScope.Report report,
    Graph graph,
    List<Moment> timeline,
    List<Entry> interventions,
    List<Entry> choices,
    List<Entry> tensions,
    List<Entry> procedures,
    List<Entry> uses,
    List<Entry> others,
    List<DossierActor> actors,
    List<IndexedQuote> evidence) {
  public CaseDossier {
    timeline = List.copyOf(timeline);
    interventions = List.copyOf(interventions);
    choices = List.copyOf(choices);
    tensions = List.copyOf(tensions);
    procedures = List.copyOf(procedures);
    uses = List.copyOf(uses);
    others = List.copyOf(others);
    actors = List.copyOf(actors);
    evidence = List.copyOf(evidence);
  }

  /** Whether the case has no element that goes out. */
  public boolean isEmpty() {
    return graph.nodes().isEmpty() && actors.isEmpty();
  }

  /** The journey graph of the case: its elements and the edges between them, laid out in layers. */
  public record Graph(List<Node> nodes, List<Edge> edges) {
    public Graph {
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
    }
  }

  /**
   * An element of the graph at its place: {@code layer} counts from the left (what comes first),
   * {@code rank} from the top within the layer.
   */
  public record Node(ElementId id, ItemKind kind, String label, int layer, int rank) {}

  /** An edge of the graph, its kind in the reader's language (input, output, about…). */
  public record Edge(ElementId from, ElementId to, String kind) {}

  /** An element on the case's timeline. */
  public record Moment(LocalDate date, ItemKind kind, ElementId id, String label) {}

  /**
   * One element of the dossier: its row (rationale, actors, quotes, related elements) with its
   * vocabulary terms translated, and the details its kind has (an intervention's inputs and
   * outputs, a choice's options, a tension's positions and resolution, a use's conditions…).
   *
   * @param quoteNumbers the number in the evidence index of each quote of the row, in order
   */
  public record Entry(JourneyRow row, List<Detail> details, List<Integer> quoteNumbers) {
    public Entry {
      details = List.copyOf(details);
      quoteNumbers = List.copyOf(quoteNumbers);
    }
  }

  /**
   * A detail of an element: a key the renderers name in the reader's language (see {@link
   * DetailKey}) and its values, already redacted.
   */
  public record Detail(DetailKey key, List<String> values) {
    public Detail {
      values = List.copyOf(values);
    }
  }

  /** What a detail is. */
  public enum DetailKey {
    TYPE,
    STATUS,
    DIMENSIONS,
    KNOWN_BY,
    DATE,
    INPUTS,
    OUTPUTS,
    TOOL,
    OPTIONS,
    DECISION_MODE,
    DECIDED_BY,
    CONSTRAINTS,
    POSITIONS,
    RESOLUTION_MODE,
    RESOLUTION,
    REFERENCE,
    ISSUED_BY,
    OUTCOME,
    REQUESTER,
    DATA_USED,
    CONDITIONS,
    PROCEDURE,
    DESCRIPTION
  }

  /**
   * An actor of the case.
   *
   * @param realName the actor's real name, only when the profile lets real names go out
   */
  public record DossierActor(
      ElementId id,
      String pseudonym,
      Optional<String> realName,
      String type,
      String category,
      String institution) {}

  /**
   * A quote of the evidence index, numbered in the order of the sources and positions.
   *
   * @param citation how to cite it: "Interview DC04, 12:31"
   * @param elements the labels of the elements it is evidence of
   */
  public record IndexedQuote(
      int number, String citation, String sourceTitle, String text, List<String> elements) {
    public IndexedQuote {
      elements = List.copyOf(elements);
    }
  }
}
