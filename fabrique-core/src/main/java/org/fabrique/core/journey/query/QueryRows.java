package org.fabrique.core.journey.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.kind.GraphFacts;
import org.fabrique.core.journey.kind.QueryFacts;
import org.fabrique.core.memo.ItemKind;

/** The row of a journey element: its rationale, actors, quotes and related elements. */
final class QueryRows {
  private QueryRows() {}

  static JourneyRow row(InquiryJourneys snapshot, JourneyElement element, RowSources sources) {
    GraphFacts graph = snapshot.graph.get(element.id());
    QueryFacts facts = snapshot.facts.get(element.id());
    Optional<Case> theCase = snapshot.caseOf(element);
    List<JourneyRow.Quote> quotes = new ArrayList<>();
    for (Evidence found : snapshot.evidenceOf(element.id())) {
      quotes.add(quote(snapshot, found, sources));
    }
    List<JourneyRow.Related> related = new ArrayList<>();
    for (ElementId other : snapshot.neighboursOf(element.id())) {
      JourneyElement linked = snapshot.elements.get(other);
      if (linked.kind() == ItemKind.ACTOR) {
        continue;
      }
      QueryFacts linkedFacts = snapshot.facts.get(other);
      related.add(
          new JourneyRow.Related(
              linked.kind(),
              linked.id(),
              sources.text(linked.label()),
              snapshot.graph.get(other).status(),
              linkedFacts.resolutionMode(),
              linked.kind() == ItemKind.TENSION ? sources.text(linkedFacts.rationale()) : ""));
    }
    List<JourneyRow.RowActor> actors =
        snapshot.actorsOf(element).stream()
            .map(
                a ->
                    new JourneyRow.RowActor(
                        a.id(),
                        a.pseudonym(),
                        a.category(),
                        sources.text(a.institution()),
                        a.role(),
                        sources.text(a.detail())))
            .toList();
    return new JourneyRow(
        element.kind(),
        element.id(),
        sources.text(element.label()),
        element.header().caseId(),
        sources.text(theCase.map(Case::name).orElse("")),
        theCase.map(Case::domain),
        graph.type(),
        graph.status(),
        List.copyOf(snapshot.dimensionsOf(element)),
        facts.decisionMode(),
        facts.resolutionMode(),
        element.header().knownBy(),
        snapshot.dateOf(element.id()),
        sources.text(facts.rationale()),
        actors,
        quotes,
        related);
  }

  private static JourneyRow.Quote quote(
      InquiryJourneys snapshot, Evidence found, RowSources sources) {
    Optional<SpeakerTurn> turn =
        found.span().flatMap(span -> sources.turnAt(found.sourceId(), span.start()));
    List<JourneyRow.CodeLabel> codes =
        snapshot.codesOn(found).stream()
            .map(id -> new JourneyRow.CodeLabel(id, snapshot.codes.get(id).name()))
            .toList();
    return new JourneyRow.Quote(
        found.id(),
        found.sourceId(),
        sources.title(found.sourceId()),
        found.span(),
        sources.quote(found),
        turn.map(SpeakerTurn::speaker).filter(s -> !s.isBlank()).map(sources::text),
        turn.flatMap(SpeakerTurn::timestamp).filter(s -> !s.isBlank()),
        codes);
  }
}
