package org.fabrique.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.EvidenceCoverage;
import org.fabrique.core.journey.Flow;
import org.fabrique.core.journey.InquiryTerm;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.JourneyStore;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.journey.query.SavedQuery;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;

/**
 * The journeys of the {@link MemoryStore}, journaled like its other tables, with the rules the
 * database enforces (existing inquiry, actor and source; one term per vocabulary and inquiry;
 * updates and deletes of rows that exist) and the same orders.
 */
final class MemoryJourneyStore implements JourneyStore {
  private static final Comparator<JourneyElement> BY_ID =
      Comparator.comparingLong(e -> e.id().value());

  private final Table<ElementId, JourneyElement> elements;
  private final Table<ElementId, Participation> participations;
  private final Table<ElementId, Evidence> evidence;
  private final Table<ElementId, InquiryTerm> terms;
  private final Table<InquiryId, Long> revisions;
  private final Table<ElementId, SavedQuery> queries;
  private final Table<String, org.fabrique.core.journey.ComparisonReport> reports;
  private final Predicate<InquiryId> inquiryExists;
  private final Predicate<SourceId> sourceExists;

  MemoryJourneyStore(
      Journal journal, Predicate<InquiryId> inquiryExists, Predicate<SourceId> sourceExists) {
    elements = new Table<>(journal);
    participations = new Table<>(journal);
    evidence = new Table<>(journal);
    terms = new Table<>(journal);
    revisions = new Table<>(journal);
    queries = new Table<>(journal);
    reports = new Table<>(journal);
    this.inquiryExists = inquiryExists;
    this.sourceExists = sourceExists;
  }

  @Override
  public void insert(JourneyElement element) {
    requireInquiry(element.inquiryId());
    elements.insert(element.id(), element);
    touchIfFlows(element);
  }

  @Override
  public void update(JourneyElement element) {
    JourneyElement before = existing(element.id());
    if (before.kind() != element.kind()) {
      throw new ConflictException("Journey element " + element.id() + " no longer exists");
    }
    elements.put(element.id(), element);
    touchIfFlows(element);
  }

  @Override
  public void delete(ElementId id) {
    JourneyElement element = existing(id);
    if (participations.values().stream().anyMatch(p -> p.actor().equals(id))) {
      throw MemoryRules.brokenReference();
    }
    elements.remove(id);
    touchIfFlows(element);
  }

  private void touchIfFlows(JourneyElement element) {
    if (ElementKinds.of(element).carriesFlows()) {
      InquiryId inquiry = element.inquiryId();
      revisions.put(inquiry, revisions.get(inquiry).orElse(0L) + 1);
    }
  }

  @Override
  public Optional<JourneyElement> find(ElementId id) {
    return elements.get(id);
  }

  @Override
  public List<JourneyElement> findAll(Collection<ElementId> ids) {
    return ids.stream().map(elements::get).flatMap(Optional::stream).toList();
  }

  @Override
  public List<JourneyElement> list(InquiryId inquiry) {
    return sorted(elements.values().stream().filter(e -> e.inquiryId().equals(inquiry)));
  }

  @Override
  public List<JourneyElement> list(InquiryId inquiry, ItemKind kind) {
    return list(inquiry).stream().filter(e -> e.kind() == kind).toList();
  }

  @Override
  public List<JourneyElement> latest(CaseId caseId, Set<ItemKind> kinds, int limit) {
    return latest(e -> e.header().caseId().equals(Optional.of(caseId)), kinds, limit);
  }

  @Override
  public List<JourneyElement> latest(InquiryId inquiry, Set<ItemKind> kinds, int limit) {
    return latest(e -> e.inquiryId().equals(inquiry), kinds, limit);
  }

  private List<JourneyElement> latest(
      Predicate<JourneyElement> owned, Set<ItemKind> kinds, int limit) {
    return elements.values().stream()
        .filter(owned)
        .filter(e -> kinds.contains(e.kind()))
        .sorted(BY_ID.reversed())
        .limit(Math.max(0, limit))
        .toList();
  }

  @Override
  public Map<ItemKind, Long> countByKind(CaseId caseId) {
    return countByKind(e -> e.header().caseId().equals(Optional.of(caseId)));
  }

  @Override
  public Map<ItemKind, Long> countByKind(InquiryId inquiry) {
    return countByKind(e -> e.inquiryId().equals(inquiry));
  }

  private Map<ItemKind, Long> countByKind(Predicate<JourneyElement> owned) {
    Map<ItemKind, Long> counts = new EnumMap<>(ItemKind.class);
    elements.values().stream().filter(owned).forEach(e -> counts.merge(e.kind(), 1L, Long::sum));
    return counts;
  }

  @Override
  public EvidenceCoverage.Share evidenceShare(CaseId caseId) {
    List<JourneyElement> inCase =
        elements.values().stream()
            .filter(e -> e.header().caseId().equals(Optional.of(caseId)))
            .toList();
    return EvidenceCoverage.of(evidence.values()).share(inCase);
  }

  @Override
  public Optional<JourneyElement> findByExternalName(
      InquiryId inquiry, ItemKind kind, String name) {
    return list(inquiry, kind).stream().filter(e -> e.externalName().equals(name)).findFirst();
  }

  @Override
  public List<JourneyElement> referencing(ElementId id) {
    return sorted(elements.values().stream().filter(e -> e.references().contains(id)));
  }

  @Override
  public List<Flow> flows(InquiryId inquiry) {
    List<Flow> flows = new ArrayList<>();
    for (JourneyElement element : list(inquiry)) {
      flows.addAll(ElementKinds.of(element).flows(element));
    }
    return flows;
  }

  @Override
  public long revision(InquiryId inquiry) {
    return revisions.get(inquiry).orElse(0L);
  }

  @Override
  public void insertParticipation(Participation participation) {
    requireInquiry(participation.inquiryId());
    if (elements.get(participation.actor()).isEmpty()) {
      throw MemoryRules.brokenReference();
    }
    participations.insert(participation.id(), participation);
  }

  @Override
  public void deleteParticipation(ElementId id) {
    participations.delete(id, "Participation " + id);
  }

  @Override
  public Optional<Participation> findParticipation(ElementId id) {
    return participations.get(id);
  }

  @Override
  public List<Participation> participations(InquiryId inquiry) {
    return byId(participations.values().stream().filter(p -> p.inquiryId().equals(inquiry)));
  }

  @Override
  public List<Participation> participationsOf(ItemRef ref) {
    return byId(
        participations.values().stream()
            .filter(
                p ->
                    ref.kind() == ItemKind.ACTOR
                        ? p.actor().value() == ref.id()
                        : p.target().equals(ref)));
  }

  @Override
  public void insertEvidence(Evidence item) {
    requireInquiry(item.inquiryId());
    if (!sourceExists.test(item.sourceId())) {
      throw MemoryRules.brokenReference();
    }
    evidence.insert(item.id(), item);
  }

  @Override
  public void deleteEvidence(ElementId id) {
    evidence.delete(id, "Evidence " + id);
  }

  @Override
  public Optional<Evidence> findEvidence(ElementId id) {
    return evidence.get(id);
  }

  @Override
  public List<Evidence> evidence(InquiryId inquiry) {
    return evidenceWhere(e -> e.inquiryId().equals(inquiry));
  }

  @Override
  public List<Evidence> evidenceOf(ItemRef element) {
    return evidenceWhere(e -> e.element().equals(element));
  }

  @Override
  public List<Evidence> evidenceInSource(SourceId source) {
    return evidenceWhere(e -> e.sourceId().equals(source));
  }

  private List<Evidence> evidenceWhere(Predicate<Evidence> condition) {
    return evidence.values().stream()
        .filter(condition)
        .sorted(Comparator.comparingLong(e -> e.id().value()))
        .toList();
  }

  @Override
  public void insertTerm(InquiryTerm term) {
    requireInquiry(term.inquiryId());
    boolean taken =
        terms.values().stream()
            .anyMatch(
                t ->
                    t.inquiryId().equals(term.inquiryId())
                        && t.vocabulary() == term.vocabulary()
                        && t.term().id().equals(term.term().id()));
    if (taken) {
      throw MemoryRules.duplicate();
    }
    terms.insert(term.id(), term);
  }

  @Override
  public void deleteTerm(ElementId id) {
    terms.delete(id, "Vocabulary term " + id);
  }

  @Override
  public Optional<InquiryTerm> findTerm(ElementId id) {
    return terms.get(id);
  }

  @Override
  public List<InquiryTerm> terms(InquiryId inquiry) {
    return terms.values().stream()
        .filter(t -> t.inquiryId().equals(inquiry))
        .sorted(Comparator.comparingLong(t -> t.id().value()))
        .toList();
  }

  @Override
  public void putQuery(SavedQuery query) {
    requireInquiry(query.inquiryId());
    boolean taken =
        queries.values().stream()
            .anyMatch(
                q ->
                    q.inquiryId().equals(query.inquiryId())
                        && q.name().equals(query.name())
                        && !q.id().equals(query.id()));
    if (taken) {
      throw MemoryRules.duplicate();
    }
    queries.put(query.id(), query);
  }

  @Override
  public void deleteQuery(ElementId id) {
    queries.delete(id, "Saved query " + id);
  }

  @Override
  public Optional<SavedQuery> findQuery(ElementId id) {
    return queries.get(id);
  }

  @Override
  public List<SavedQuery> queries(InquiryId inquiry) {
    return queries.values().stream()
        .filter(q -> q.inquiryId().equals(inquiry))
        .sorted(Comparator.comparing(SavedQuery::name))
        .toList();
  }

  @Override
  public void keepReport(org.fabrique.core.journey.ComparisonReport report) {
    requireInquiry(report.inquiryId());
    String key = report.digest() + "/" + report.inquiryId() + "/" + report.element();
    if (reports.get(key).isEmpty()) {
      reports.put(key, report);
    }
  }

  @Override
  public List<org.fabrique.core.journey.ComparisonReport> reports(String digest) {
    return reports.values().stream()
        .filter(r -> r.digest().equals(digest))
        .sorted(
            Comparator.comparing(org.fabrique.core.journey.ComparisonReport::keptAt)
                .thenComparingLong(r -> r.inquiryId().value())
                .thenComparingLong(r -> r.element().value()))
        .toList();
  }

  @Override
  public java.util.Set<String> reportDigests() {
    java.util.Set<String> digests = new java.util.HashSet<>();
    reports.values().forEach(r -> digests.add(r.digest()));
    return digests;
  }

  private void requireInquiry(InquiryId inquiry) {
    if (!inquiryExists.test(inquiry)) {
      throw MemoryRules.brokenReference();
    }
  }

  private JourneyElement existing(ElementId id) {
    return elements
        .get(id)
        .orElseThrow(() -> new ConflictException("Journey element " + id + " no longer exists"));
  }

  private static List<JourneyElement> sorted(Stream<JourneyElement> elements) {
    return elements.sorted(BY_ID).toList();
  }

  private static List<Participation> byId(Stream<Participation> participations) {
    return participations.sorted(Comparator.comparingLong(p -> p.id().value())).toList();
  }
}
