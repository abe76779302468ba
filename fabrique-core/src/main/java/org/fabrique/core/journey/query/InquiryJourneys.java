package org.fabrique.core.journey.query;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.InquiryTerm;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.kind.ElementKind;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.journey.kind.GraphFacts;
import org.fabrique.core.journey.kind.QueryFacts;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.vocabulary.Term;
import org.fabrique.core.vocabulary.Vocabularies;
import org.fabrique.core.vocabulary.Vocabulary;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * The journeys of one inquiry read at once for queries: elements with their facts, the links
 * between them both ways, participations, evidence with the codes on it, cases and codes.
 */
final class InquiryJourneys {
  final InquiryId inquiry;
  final Map<ElementId, JourneyElement> elements = new LinkedHashMap<>();
  final Map<ElementId, GraphFacts> graph = new HashMap<>();
  final Map<ElementId, QueryFacts> facts = new HashMap<>();
  final Map<ElementId, Set<ElementId>> neighbours = new HashMap<>();
  final Map<ElementId, List<Participation>> participations = new HashMap<>();
  final Map<ElementId, List<Evidence>> evidence = new HashMap<>();
  final Map<CaseId, Case> cases = new LinkedHashMap<>();
  final Map<CodeId, Code> codes = new LinkedHashMap<>();
  final List<InquiryTerm> terms;
  private final Map<SourceId, List<CodedSpan>> spans = new HashMap<>();
  // Filled as queries ask, possibly by several at once when the snapshot is kept between queries.
  private final Map<ElementId, Set<CodeId>> evidenceCodes =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The sources of the evidence and their speaker turns, read as queries ask for them. */
  final Map<SourceId, Optional<org.fabrique.core.corpus.Source>> sources =
      new java.util.concurrent.ConcurrentHashMap<>();

  final Map<SourceId, List<org.fabrique.core.corpus.SpeakerTurn>> turns =
      new java.util.concurrent.ConcurrentHashMap<>();

  private InquiryJourneys(InquiryId inquiry, List<InquiryTerm> terms) {
    this.inquiry = inquiry;
    this.terms = terms;
  }

  static InquiryJourneys read(Transaction tx, InquiryId inquiry) {
    return read(tx, inquiry, ExportScope.asStored());
  }

  /**
   * The journeys as they may go out under an export scope: elements and evidence above its level,
   * and the evidence in sources it leaves out, are not read.
   */
  static InquiryJourneys read(Transaction tx, InquiryId inquiry, ExportScope scope) {
    tx.inquiries()
        .findInquiry(inquiry)
        .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
    InquiryJourneys snapshot = new InquiryJourneys(inquiry, tx.journeys().terms(inquiry));
    for (JourneyElement element : tx.journeys().list(inquiry)) {
      if (!scope.allows(element.header().confidentiality())) {
        continue;
      }
      snapshot.elements.put(element.id(), element);
      ElementKind<?> kind = ElementKinds.of(element);
      snapshot.graph.put(element.id(), kind.graph(element));
      snapshot.facts.put(element.id(), kind.queryFacts(element));
    }
    for (JourneyElement element : snapshot.elements.values()) {
      for (ElementId other : element.references()) {
        if (!other.equals(element.id()) && snapshot.elements.containsKey(other)) {
          snapshot.neighbours.computeIfAbsent(element.id(), k -> new LinkedHashSet<>()).add(other);
          snapshot.neighbours.computeIfAbsent(other, k -> new LinkedHashSet<>()).add(element.id());
        }
      }
    }
    for (Participation participation : tx.journeys().participations(inquiry)) {
      snapshot
          .participations
          .computeIfAbsent(new ElementId(participation.target().id()), k -> new ArrayList<>())
          .add(participation);
    }
    Set<SourceId> sources = new java.util.HashSet<>();
    Map<SourceId, Boolean> included = new HashMap<>();
    for (Evidence found : tx.journeys().evidence(inquiry)) {
      if (!scope.allows(found.confidentiality())
          || !snapshot.elements.containsKey(new ElementId(found.element().id()))
          || !included.computeIfAbsent(
              found.sourceId(),
              id -> tx.corpus().findSource(id).map(scope::includes).orElse(false))) {
        continue;
      }
      snapshot
          .evidence
          .computeIfAbsent(new ElementId(found.element().id()), k -> new ArrayList<>())
          .add(found);
      sources.add(found.sourceId());
    }
    snapshot.evidence.values().forEach(list -> list.sort(EVIDENCE_ORDER));
    tx.inquiries().listCases(inquiry).forEach(c -> snapshot.cases.put(c.id(), c));
    tx.coding().listCodes(inquiry).forEach(c -> snapshot.codes.put(c.id(), c));
    if (!sources.isEmpty()) {
      tx.coding()
          .forEachSpan(
              inquiry,
              span -> {
                if (sources.contains(span.sourceId())) {
                  snapshot.spans.computeIfAbsent(span.sourceId(), k -> new ArrayList<>()).add(span);
                }
              });
    }
    return snapshot;
  }

  static final Comparator<Evidence> EVIDENCE_ORDER =
      Comparator.comparingLong((Evidence e) -> e.sourceId().value())
          .thenComparingInt(e -> e.span().map(s -> s.start()).orElse(-1))
          .thenComparingLong(e -> e.id().value());

  /** The bundled vocabulary with the terms the inquiry added. */
  Vocabulary vocabulary(VocabularyName name) {
    List<Term> own =
        terms.stream().filter(t -> t.vocabulary() == name).map(InquiryTerm::term).toList();
    return Vocabularies.bundled().get(name).with(own);
  }

  Set<ElementId> neighboursOf(ElementId id) {
    return neighbours.getOrDefault(id, Set.of());
  }

  List<Evidence> evidenceOf(ElementId id) {
    return evidence.getOrDefault(id, List.of());
  }

  Optional<Case> caseOf(JourneyElement element) {
    return element.header().caseId().map(cases::get);
  }

  Optional<Domain> domainOf(JourneyElement element) {
    return caseOf(element).map(Case::domain);
  }

  Optional<LocalDate> dateOf(ElementId id) {
    return graph.get(id).time().map(t -> t.atZone(ZoneOffset.UTC).toLocalDate());
  }

  /** A choice's own dimensions; for other elements, those of the choices linked to them. */
  Set<String> dimensionsOf(JourneyElement element) {
    Set<String> out = new TreeSet<>();
    if (element instanceof Choice choice) {
      choice.dimensions().forEach(d -> out.add(d.id()));
      return out;
    }
    for (ElementId other : neighboursOf(element.id())) {
      if (elements.get(other) instanceof Choice choice) {
        choice.dimensions().forEach(d -> out.add(d.id()));
      }
    }
    return out;
  }

  /** An intervention's type, or those of the interventions linked to the element. */
  Set<String> interventionTypesOf(JourneyElement element) {
    Set<String> out = new TreeSet<>();
    if (element instanceof Intervention intervention) {
      out.add(intervention.type());
      return out;
    }
    for (ElementId other : neighboursOf(element.id())) {
      if (elements.get(other) instanceof Intervention intervention) {
        out.add(intervention.type());
      }
    }
    return out;
  }

  /** The actors of an element: those it names, then those who take part in it, with roles. */
  List<JourneyRow.RowActor> actorsOf(JourneyElement element) {
    List<JourneyRow.RowActor> out = new ArrayList<>();
    for (QueryFacts.NamedActor named : facts.get(element.id()).actors()) {
      actor(named.actor(), named.part(), named.detail()).ifPresent(out::add);
    }
    for (Participation participation : participations.getOrDefault(element.id(), List.of())) {
      actor(participation.actor(), participation.role(), "").ifPresent(out::add);
    }
    return out;
  }

  private Optional<JourneyRow.RowActor> actor(ElementId id, String role, String detail) {
    if (!(elements.get(id) instanceof Actor actor)) {
      return Optional.empty();
    }
    return Optional.of(
        new JourneyRow.RowActor(
            actor.id(), actor.pseudonym(), actor.category(), actor.institution(), role, detail));
  }

  /** The codes on the segments a piece of evidence overlaps (or on its segment). */
  Set<CodeId> codesOn(Evidence found) {
    return evidenceCodes.computeIfAbsent(
        found.id(),
        id -> {
          Set<CodeId> out = new LinkedHashSet<>();
          for (CodedSpan span : spans.getOrDefault(found.sourceId(), List.of())) {
            boolean sameSegment =
                found.segmentId().isPresent() && found.segmentId().get().equals(span.segmentId());
            boolean overlaps =
                found.span().isPresent()
                    && span.start() < found.span().get().end()
                    && found.span().get().start() < span.end();
            if (sameSegment || overlaps) {
              out.add(span.codeId());
            }
          }
          return out;
        });
  }

  static Set<String> ids(Set<Dimension> dimensions) {
    Set<String> out = new TreeSet<>();
    dimensions.forEach(d -> out.add(d.id()));
    return out;
  }

  static ItemRef ref(JourneyElement element) {
    return element.ref();
  }
}
