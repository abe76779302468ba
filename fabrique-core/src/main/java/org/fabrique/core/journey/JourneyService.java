package org.fabrique.core.journey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.history.CompositeOperation;
import org.fabrique.core.history.History;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.journey.query.CaseDossiers;
import org.fabrique.core.journey.query.JourneyQueries;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.UserId;
import org.fabrique.core.vocabulary.Term;
import org.fabrique.core.vocabulary.Vocabulary;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Data journeys: their elements, the actors' participations, the evidence that backs them and the
 * inquiry's own vocabulary terms. Every change is a recorded operation that can be undone.
 */
public final class JourneyService {
  private final Store store;
  private final History history;
  private final CorpusService corpus;
  private final JourneyQueries queries;
  private final CaseDossiers dossiers;

  public JourneyService(Store store, History history, CorpusService corpus) {
    this.store = store;
    this.history = history;
    this.corpus = corpus;
    this.queries = new JourneyQueries(store, history);
    this.dossiers = new CaseDossiers(store);
  }

  /** Questions asked of the journeys: elements with their rationale, actors and quotes. */
  public JourneyQueries queries() {
    return queries;
  }

  /** Case dossiers: a case's journey, elements, quotes and evidence index through a profile. */
  public CaseDossiers dossiers() {
    return dossiers;
  }

  /** A new id for an element the caller is about to create. */
  public ElementId newId() {
    return store.inTransaction(tx -> new ElementId(tx.newId()));
  }

  /** Adds an element, checked against the journey and the vocabularies. */
  public <T extends JourneyElement> T create(UserId user, T element) {
    return batch(
        element.inquiryId(),
        user,
        "Added " + element.kind().id() + " " + element.id(),
        b -> b.create(element));
  }

  /** Replaces an element by a new state of it. */
  public <T extends JourneyElement> T update(UserId user, T element) {
    return batch(
        element.inquiryId(),
        user,
        "Changed " + element.kind().id() + " " + element.id(),
        b -> b.update(element));
  }

  /**
   * Deletes an element with its participations and evidence.
   *
   * @throws org.fabrique.core.error.ConflictException when other elements still refer to it
   */
  public void delete(UserId user, ElementId id) {
    JourneyElement element = get(id);
    store.inTransaction(
        tx -> {
          List<Operation> steps = new ArrayList<>();
          for (Evidence evidence : tx.journeys().evidenceOf(element.ref())) {
            steps.add(new JourneyLinkOperations.RemoveEvidence(evidence.id()));
          }
          for (Participation participation : tx.journeys().participationsOf(element.ref())) {
            steps.add(new JourneyLinkOperations.RemoveParticipation(participation.id()));
          }
          steps.add(ElementKinds.of(element).delete(element.id()));
          history.apply(
              tx,
              element.inquiryId(),
              user,
              new CompositeOperation("Deleted " + element.kind().id() + " " + id, steps));
          return null;
        });
  }

  /**
   * Runs work that creates and changes many elements as one action in the history: it completes or
   * changes nothing.
   */
  public <R> R batch(
      InquiryId inquiry, UserId user, String description, Function<JourneyBatch, R> work) {
    return store.inTransaction(
        tx -> {
          tx.inquiries()
              .findInquiry(inquiry)
              .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
          JourneyBatch batch = new JourneyBatch(tx, inquiry);
          R result = work.apply(batch);
          List<Operation> steps = batch.operations();
          if (steps.size() == 1) {
            history.apply(tx, inquiry, user, steps.get(0));
          } else if (!steps.isEmpty()) {
            history.apply(tx, inquiry, user, new CompositeOperation(description, steps));
          }
          return result;
        });
  }

  /**
   * Sets the inquiry's actors from a table: known pseudonyms get the table's columns, new ones are
   * created (in the case given, declared, confidential); all lines are checked first, and the table
   * is one action of the history.
   *
   * @throws org.fabrique.core.error.InvalidInputException naming every line to correct
   */
  public ActorImport.Result importActors(
      UserId user, InquiryId inquiry, Optional<CaseId> caseId, List<ActorRow> rows) {
    return new ActorImport(this).run(user, inquiry, caseId, rows);
  }

  public JourneyElement get(ElementId id) {
    return store.inTransaction(
        tx ->
            tx.journeys()
                .find(id)
                .orElseThrow(() -> new NotFoundException("There is no journey element " + id)));
  }

  /** An element of an expected kind. */
  public <T extends JourneyElement> T get(ElementId id, Class<T> type) {
    JourneyElement element = get(id);
    if (!type.isInstance(element)) {
      throw new NotFoundException("There is no journey element " + id + " of this kind");
    }
    return type.cast(element);
  }

  public Optional<JourneyElement> find(ElementId id) {
    return store.inTransaction(tx -> tx.journeys().find(id));
  }

  public List<JourneyElement> elements(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.journeys().list(inquiry));
  }

  /** The elements of one case's journey, by id (read from the case alone, not the inquiry). */
  public List<JourneyElement> elements(InquiryId inquiry, CaseId caseId) {
    Set<ItemKind> kinds = new java.util.HashSet<>();
    ElementKinds.all().forEach(kind -> kinds.add(kind.itemKind()));
    return store
        .inTransaction(tx -> tx.journeys().latest(caseId, kinds, Integer.MAX_VALUE))
        .stream()
        .filter(e -> e.inquiryId().equals(inquiry))
        .sorted(java.util.Comparator.comparingLong(e -> e.id().value()))
        .toList();
  }

  /**
   * What the page of a case's journey shows, read without reading the journey whole: the last made
   * elements of each kind of the case, at most {@code limit} of each, with the actors of the whole
   * inquiry (actors are often shared), and how many there are of each kind; without a case, the
   * same of the whole inquiry.
   */
  public JourneySlice slice(InquiryId inquiry, Optional<CaseId> caseId, int limit) {
    return store.inTransaction(
        tx -> {
          JourneyStore journeys = tx.journeys();
          Map<ItemKind, Long> inInquiry = journeys.countByKind(inquiry);
          Map<ItemKind, Long> counts = new EnumMap<>(ItemKind.class);
          counts.putAll(caseId.map(journeys::countByKind).orElse(inInquiry));
          counts.remove(ItemKind.ACTOR);
          List<JourneyElement> elements = new ArrayList<>();
          for (ItemKind kind : counts.keySet()) {
            elements.addAll(
                caseId.isPresent()
                    ? journeys.latest(caseId.get(), Set.of(kind), limit)
                    : journeys.latest(inquiry, Set.of(kind), limit));
          }
          long actors = inInquiry.getOrDefault(ItemKind.ACTOR, 0L);
          if (actors > 0) {
            counts.put(ItemKind.ACTOR, actors);
            elements.addAll(journeys.latest(inquiry, Set.of(ItemKind.ACTOR), limit));
          }
          return new JourneySlice(elements, counts);
        });
  }

  /** The last made elements of these kinds in a case, at most {@code limit}. */
  public List<JourneyElement> latest(CaseId caseId, Set<ItemKind> kinds, int limit) {
    return store.inTransaction(tx -> tx.journeys().latest(caseId, kinds, limit));
  }

  /** The elements among these ids that exist, in no particular order. */
  public List<JourneyElement> findAll(Collection<ElementId> ids) {
    return store.inTransaction(tx -> tx.journeys().findAll(ids));
  }

  /** How many elements of a case (actors aside) evidence backs, out of how many. */
  public EvidenceCoverage.Share evidenceShare(CaseId caseId) {
    return store.inTransaction(tx -> tx.journeys().evidenceShare(caseId));
  }

  /**
   * A part of a journey read in one transaction: these elements, the other elements that refer to
   * them (choices, tensions, uses about them…), and the evidence behind all of them.
   */
  public record Part(List<JourneyElement> elements, EvidenceCoverage coverage) {}

  /** The elements of these ids, with what refers to them and the evidence behind each. */
  public Part part(Collection<ElementId> ids) {
    return store.inTransaction(
        tx -> {
          java.util.Map<ElementId, JourneyElement> found = new java.util.LinkedHashMap<>();
          tx.journeys().findAll(ids).forEach(e -> found.put(e.id(), e));
          for (ElementId id : List.copyOf(found.keySet())) {
            for (JourneyElement about : tx.journeys().referencing(id)) {
              if (about.kind() != ItemKind.INTERVENTION && about.kind() != ItemKind.DATA_OBJECT) {
                found.putIfAbsent(about.id(), about);
              }
            }
          }
          List<Evidence> evidence = new java.util.ArrayList<>();
          for (JourneyElement element : found.values()) {
            evidence.addAll(tx.journeys().evidenceOf(element.ref()));
          }
          return new Part(List.copyOf(found.values()), EvidenceCoverage.of(evidence));
        });
  }

  /** The elements of a kind in an inquiry. */
  public <T extends JourneyElement> List<T> list(InquiryId inquiry, Class<T> type) {
    ItemKind kind = ElementKinds.of(type).itemKind();
    return store.inTransaction(
        tx -> tx.journeys().list(inquiry, kind).stream().map(type::cast).toList());
  }

  /** Gives an actor a role in an intervention, a choice or a use. */
  public Participation addParticipation(
      UserId user, ElementId actor, String role, ElementId target) {
    JourneyElement actorElement = get(actor);
    JourneyElement targetElement = get(target);
    if (!(actorElement instanceof Actor)) {
      throw new InvalidInputException("Element " + actor + " is not an actor");
    }
    if (!ElementKinds.of(targetElement).takesParticipants()) {
      throw new InvalidInputException("An actor takes part in an intervention, choice or use");
    }
    if (!actorElement.inquiryId().equals(targetElement.inquiryId())) {
      throw new InvalidInputException("The actor belongs to another inquiry");
    }
    InquiryId inquiry = targetElement.inquiryId();
    return store.inTransaction(
        tx -> {
          String cleanRole = role == null ? "" : role.strip();
          new JourneyRules(tx, tx.journeys()::find).checkRole(inquiry, cleanRole);
          Participation participation =
              new Participation(
                  new ElementId(tx.newId()), inquiry, actor, cleanRole, targetElement.ref());
          history.apply(
              tx, inquiry, user, new JourneyLinkOperations.AddParticipation(participation));
          return participation;
        });
  }

  public void removeParticipation(UserId user, ElementId id) {
    Participation participation =
        store
            .inTransaction(tx -> tx.journeys().findParticipation(id))
            .orElseThrow(() -> new NotFoundException("There is no participation " + id));
    history.apply(
        participation.inquiryId(), user, new JourneyLinkOperations.RemoveParticipation(id));
  }

  /** The participations in an element, or of an actor. */
  public List<Participation> participationsOf(ItemRef ref) {
    return store.inTransaction(tx -> tx.journeys().participationsOf(ref));
  }

  public List<Participation> participations(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.journeys().participations(inquiry));
  }

  /**
   * Links an element to a passage {@code [start, end)} of a source, or to the whole source when the
   * span is empty. The passage's quote is kept; the evidence is as confidential as its source.
   */
  public Evidence addEvidence(
      UserId user, ElementId element, SourceId sourceId, Optional<Span> span, String note) {
    JourneyElement target = get(element);
    Source source = corpus.get(sourceId);
    if (!source.inquiryId().equals(target.inquiryId())) {
      throw new InvalidInputException("The source belongs to another inquiry");
    }
    String quote = "";
    if (span.isPresent()) {
      PlainText text = corpus.text(sourceId);
      text.checkSpan(span.get().start(), span.get().end());
      quote = text.substring(span.get().start(), span.get().end());
    }
    String finalQuote = quote;
    return store.inTransaction(
        tx -> {
          Optional<SegmentId> segment = Optional.empty();
          if (span.isPresent()) {
            segment =
                tx.coding()
                    .findSegment(sourceId, span.get().start(), span.get().end())
                    .map(Segment::id);
          }
          Evidence evidence =
              new Evidence(
                  new ElementId(tx.newId()),
                  target.inquiryId(),
                  target.ref(),
                  sourceId,
                  span,
                  finalQuote,
                  segment,
                  note,
                  source.confidentiality());
          history.apply(
              tx, target.inquiryId(), user, new JourneyLinkOperations.AddEvidence(evidence));
          return evidence;
        });
  }

  public void removeEvidence(UserId user, ElementId id) {
    Evidence evidence =
        store
            .inTransaction(tx -> tx.journeys().findEvidence(id))
            .orElseThrow(() -> new NotFoundException("There is no evidence " + id));
    history.apply(evidence.inquiryId(), user, new JourneyLinkOperations.RemoveEvidence(id));
  }

  public List<Evidence> evidenceOf(ElementId element) {
    JourneyElement target = get(element);
    return store.inTransaction(tx -> tx.journeys().evidenceOf(target.ref()));
  }

  public List<Evidence> evidence(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.journeys().evidence(inquiry));
  }

  /** How many pieces of evidence back each element of an inquiry. */
  public EvidenceCoverage coverage(InquiryId inquiry) {
    return EvidenceCoverage.of(evidence(inquiry));
  }

  public List<Evidence> evidenceInSource(SourceId source) {
    return store.inTransaction(tx -> tx.journeys().evidenceInSource(source));
  }

  /** A shipped vocabulary with the terms the inquiry added to it. */
  public Vocabulary vocabulary(InquiryId inquiry, VocabularyName name) {
    return store.inTransaction(tx -> JourneyRules.vocabulary(tx, inquiry, name));
  }

  /** Adds a term to a vocabulary for one inquiry. */
  public InquiryTerm addTerm(
      UserId user,
      InquiryId inquiry,
      VocabularyName vocabulary,
      String id,
      String labelEn,
      String labelFr) {
    String cleanId = id == null ? "" : id.strip();
    if (!cleanId.matches("[A-Za-z0-9][A-Za-z0-9:._-]{0,99}")) {
      throw new InvalidInputException(
          "A term id is made of letters, digits, ':', '.', '_' and '-' (at most 100)");
    }
    if (labelEn == null || labelEn.isBlank()) {
      throw new InvalidInputException("A term needs an English label");
    }
    if (vocabulary(inquiry, vocabulary).contains(cleanId)) {
      throw new InvalidInputException("The term " + cleanId + " exists already");
    }
    return store.inTransaction(
        tx -> {
          InquiryTerm term =
              new InquiryTerm(
                  new ElementId(tx.newId()),
                  inquiry,
                  vocabulary,
                  new Term(cleanId, "", labelEn.strip(), labelFr, java.util.Map.of()));
          history.apply(tx, inquiry, user, new JourneyLinkOperations.AddTerm(term));
          return term;
        });
  }

  public void removeTerm(UserId user, ElementId id) {
    InquiryTerm term =
        store
            .inTransaction(tx -> tx.journeys().findTerm(id))
            .orElseThrow(() -> new NotFoundException("There is no vocabulary term " + id));
    history.apply(term.inquiryId(), user, new JourneyLinkOperations.RemoveTerm(id));
  }
}
