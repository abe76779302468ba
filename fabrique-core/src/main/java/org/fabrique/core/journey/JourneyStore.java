package org.fabrique.core.journey;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;

/** Where journeys are kept: elements, participations, evidence and the inquiry's own terms. */
public interface JourneyStore {
  void insert(JourneyElement element);

  /** Replaces an element by a new state of it (same id and kind). */
  void update(JourneyElement element);

  void delete(ElementId id);

  Optional<JourneyElement> find(ElementId id);

  /** The elements among these ids that exist, in no particular order. */
  List<JourneyElement> findAll(Collection<ElementId> ids);

  /** The elements of an inquiry, by id. */
  List<JourneyElement> list(InquiryId inquiry);

  /** The elements of a kind in an inquiry, by id. */
  List<JourneyElement> list(InquiryId inquiry, ItemKind kind);

  /**
   * The elements of these kinds in a case, the last made first (highest id first), at most {@code
   * limit}: what the page of a large journey lists without reading the journey whole.
   */
  List<JourneyElement> latest(CaseId caseId, Set<ItemKind> kinds, int limit);

  /** The elements of these kinds in an inquiry, whatever their case, the last made first. */
  List<JourneyElement> latest(InquiryId inquiry, Set<ItemKind> kinds, int limit);

  /** How many elements of each kind a case holds; a kind it holds none of is absent. */
  Map<ItemKind, Long> countByKind(CaseId caseId);

  /** How many elements of each kind an inquiry holds, whatever their case. */
  Map<ItemKind, Long> countByKind(InquiryId inquiry);

  /**
   * How many elements of a case, actors aside, at least one piece of evidence backs, out of how
   * many (see {@link EvidenceCoverage#share}), counted by the store.
   */
  EvidenceCoverage.Share evidenceShare(CaseId caseId);

  /** The element of a kind known to other systems under this name. */
  Optional<JourneyElement> findByExternalName(InquiryId inquiry, ItemKind kind, String name);

  /** The elements of an inquiry that refer to this one (see {@link JourneyElement#references}). */
  List<JourneyElement> referencing(ElementId id);

  /** Every input and output of every intervention of an inquiry. */
  List<Flow> flows(InquiryId inquiry);

  /**
   * A number that changes whenever the inputs or outputs of an intervention of the inquiry change
   * (the lineage index is rebuilt when it does).
   */
  long revision(InquiryId inquiry);

  void insertParticipation(Participation participation);

  void deleteParticipation(ElementId id);

  Optional<Participation> findParticipation(ElementId id);

  List<Participation> participations(InquiryId inquiry);

  /** The participations in an intervention, choice or use, or of an actor. */
  List<Participation> participationsOf(ItemRef targetOrActor);

  void insertEvidence(Evidence evidence);

  void deleteEvidence(ElementId id);

  Optional<Evidence> findEvidence(ElementId id);

  List<Evidence> evidence(InquiryId inquiry);

  List<Evidence> evidenceOf(ItemRef element);

  List<Evidence> evidenceInSource(SourceId source);

  void insertTerm(InquiryTerm term);

  void deleteTerm(ElementId id);

  Optional<InquiryTerm> findTerm(ElementId id);

  List<InquiryTerm> terms(InquiryId inquiry);

  /** Saves a journey query: inserts it, or replaces the one with its id. */
  void putQuery(org.fabrique.core.journey.query.SavedQuery query);

  void deleteQuery(ElementId id);

  Optional<org.fabrique.core.journey.query.SavedQuery> findQuery(ElementId id);

  /** The journey queries saved in an inquiry, by name. */
  List<org.fabrique.core.journey.query.SavedQuery> queries(InquiryId inquiry);

  /** Records for whom a comparison report was kept (nothing when it is recorded already). */
  void keepReport(ComparisonReport report);

  /** The records of a kept comparison report, oldest first. */
  List<ComparisonReport> reports(String digest);

  /** The digests of every kept comparison report (they are no orphan files). */
  java.util.Set<String> reportDigests();
}
