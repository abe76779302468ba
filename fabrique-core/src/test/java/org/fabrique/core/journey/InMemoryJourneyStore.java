package org.fabrique.core.journey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;

/** A journey store in maps, for tests of the core. */
public final class InMemoryJourneyStore implements JourneyStore {
  private final Map<ElementId, JourneyElement> elements =
      new TreeMap<>(Comparator.comparingLong(ElementId::value));
  private final Map<ElementId, Participation> participations =
      new TreeMap<>(Comparator.comparingLong(ElementId::value));
  private final Map<ElementId, Evidence> evidence =
      new TreeMap<>(Comparator.comparingLong(ElementId::value));
  private final Map<ElementId, InquiryTerm> terms =
      new TreeMap<>(Comparator.comparingLong(ElementId::value));
  private final Map<InquiryId, Long> revisions = new HashMap<>();

  private void touch(InquiryId inquiry) {
    revisions.merge(inquiry, 1L, Long::sum);
  }

  @Override
  public void insert(JourneyElement element) {
    elements.put(element.id(), element);
    touch(element.inquiryId());
  }

  @Override
  public void update(JourneyElement element) {
    elements.put(element.id(), element);
    touch(element.inquiryId());
  }

  @Override
  public void delete(ElementId id) {
    JourneyElement removed = elements.remove(id);
    if (removed != null) {
      touch(removed.inquiryId());
    }
  }

  @Override
  public Optional<JourneyElement> find(ElementId id) {
    return Optional.ofNullable(elements.get(id));
  }

  @Override
  public List<JourneyElement> findAll(Collection<ElementId> ids) {
    return ids.stream().map(elements::get).filter(e -> e != null).toList();
  }

  @Override
  public List<JourneyElement> list(InquiryId inquiry) {
    return elements.values().stream().filter(e -> e.inquiryId().equals(inquiry)).toList();
  }

  @Override
  public List<JourneyElement> list(InquiryId inquiry, ItemKind kind) {
    return list(inquiry).stream().filter(e -> e.kind() == kind).toList();
  }

  @Override
  public Optional<JourneyElement> findByExternalName(
      InquiryId inquiry, ItemKind kind, String name) {
    return list(inquiry, kind).stream()
        .filter(
            e ->
                (e instanceof DataObject d && d.externalName().equals(name))
                    || (e instanceof Intervention i && i.externalName().equals(name)))
        .findFirst();
  }

  @Override
  public List<JourneyElement> referencing(ElementId id) {
    return elements.values().stream().filter(e -> e.references().contains(id)).toList();
  }

  @Override
  public List<Flow> flows(InquiryId inquiry) {
    List<Flow> flows = new ArrayList<>();
    for (JourneyElement element : list(inquiry, ItemKind.INTERVENTION)) {
      Intervention intervention = (Intervention) element;
      intervention
          .inputs()
          .forEach(i -> flows.add(new Flow(intervention.id(), i, Flow.Direction.INPUT)));
      intervention
          .outputs()
          .forEach(o -> flows.add(new Flow(intervention.id(), o, Flow.Direction.OUTPUT)));
    }
    return flows;
  }

  @Override
  public long revision(InquiryId inquiry) {
    return revisions.getOrDefault(inquiry, 0L);
  }

  @Override
  public void insertParticipation(Participation participation) {
    participations.put(participation.id(), participation);
  }

  @Override
  public void deleteParticipation(ElementId id) {
    participations.remove(id);
  }

  @Override
  public Optional<Participation> findParticipation(ElementId id) {
    return Optional.ofNullable(participations.get(id));
  }

  @Override
  public List<Participation> participations(InquiryId inquiry) {
    return participations.values().stream().filter(p -> p.inquiryId().equals(inquiry)).toList();
  }

  @Override
  public List<Participation> participationsOf(ItemRef ref) {
    return participations.values().stream()
        .filter(
            p ->
                ref.kind() == ItemKind.ACTOR
                    ? p.actor().value() == ref.id()
                    : p.target().equals(ref))
        .toList();
  }

  @Override
  public void insertEvidence(Evidence item) {
    evidence.put(item.id(), item);
  }

  @Override
  public void deleteEvidence(ElementId id) {
    evidence.remove(id);
  }

  @Override
  public Optional<Evidence> findEvidence(ElementId id) {
    return Optional.ofNullable(evidence.get(id));
  }

  @Override
  public List<Evidence> evidence(InquiryId inquiry) {
    return evidence.values().stream().filter(e -> e.inquiryId().equals(inquiry)).toList();
  }

  @Override
  public List<Evidence> evidenceOf(ItemRef element) {
    return evidence.values().stream().filter(e -> e.element().equals(element)).toList();
  }

  @Override
  public List<Evidence> evidenceInSource(SourceId source) {
    return evidence.values().stream().filter(e -> e.sourceId().equals(source)).toList();
  }

  @Override
  public void insertTerm(InquiryTerm term) {
    terms.put(term.id(), term);
  }

  @Override
  public void deleteTerm(ElementId id) {
    terms.remove(id);
  }

  @Override
  public Optional<InquiryTerm> findTerm(ElementId id) {
    return Optional.ofNullable(terms.get(id));
  }

  @Override
  public List<InquiryTerm> terms(InquiryId inquiry) {
    return terms.values().stream().filter(t -> t.inquiryId().equals(inquiry)).toList();
  }
}
