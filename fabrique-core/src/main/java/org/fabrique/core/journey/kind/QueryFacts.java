package org.fabrique.core.journey.kind;

import java.util.List;
import java.util.Objects;
import org.fabrique.core.journey.ElementId;

/**
 * What journey queries filter and show of an element beyond its {@link GraphFacts}: the text that
 * says why (a choice's rationale, how a tension was resolved, a description), the decision or
 * resolution mode, and the actors the element itself names with the part they take in it.
 */
public record QueryFacts(
    String rationale, String decisionMode, String resolutionMode, List<NamedActor> actors) {

  /** The part taken by an actor named by the element itself (not by a participation). */
  public static final String DECIDED = "decided";

  public static final String PROPOSED = "proposed";
  public static final String POSITION = "position";
  public static final String REQUESTED = "requested";
  public static final String ISSUED = "issued";

  /** The parts actors take in elements that name them, in the order they are shown. */
  public static final List<String> PARTS = List.of(DECIDED, PROPOSED, POSITION, REQUESTED, ISSUED);

  public QueryFacts {
    rationale = rationale == null ? "" : rationale;
    decisionMode = decisionMode == null ? "" : decisionMode;
    resolutionMode = resolutionMode == null ? "" : resolutionMode;
    actors = List.copyOf(actors);
  }

  /** An element explained by its text alone. */
  public static QueryFacts of(String rationale) {
    return new QueryFacts(rationale, "", "", List.of());
  }

  public QueryFacts withActors(List<NamedActor> named) {
    return new QueryFacts(rationale, decisionMode, resolutionMode, named);
  }

  /**
   * An actor named by an element and the part it takes in it.
   *
   * @param part one of {@link #PARTS}
   * @param detail what the element says of it (a stance), or empty
   */
  public record NamedActor(ElementId actor, String part, String detail) {
    public NamedActor {
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(part, "part");
      detail = detail == null ? "" : detail;
    }

    public static List<NamedActor> all(List<ElementId> actors, String part) {
      return actors.stream().map(a -> new NamedActor(a, part, "")).toList();
    }
  }
}
