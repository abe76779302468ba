package org.fabrique.core.journey.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fabrique.core.analysis.EvidencePassages;
import org.fabrique.core.analysis.JourneyAnalytics;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.history.Generation;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.kind.GraphFacts;
import org.fabrique.core.journey.kind.QueryFacts;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Journey queries: the elements of an inquiry's journeys that pass a {@link JourneyQuery}, each
 * with its rationale, actors and quotes, and their counts by domain or by case.
 */
public final class JourneyQueries {
  private final Store store;
  private final History history;

  public JourneyQueries(Store store, History history) {
    this.store = store;
    this.history = history;
  }

  /** The journeys of an inquiry as stored, kept while the inquiry's generation stays the same. */
  private record Kept(long generation, InquiryJourneys snapshot) {}

  private final Map<InquiryId, Kept> kept = new HashMap<>();

  /**
   * The journeys of an inquiry as a scope lets them out. As stored (the pages, the internal
   * profile), the snapshot is read once per generation of the inquiry (every change goes through
   * its history) and shared by the queries that follow; under any other profile it is read anew, so
   * that the scope counts what it leaves out.
   */
  private InquiryJourneys snapshot(Transaction tx, InquiryId inquiry, ExportScope scope) {
    if (!scope.profile().isInternal()) {
      return InquiryJourneys.read(tx, inquiry, scope);
    }
    long generation = Generation.of(tx, inquiry);
    synchronized (kept) {
      Kept found = kept.get(inquiry);
      if (found != null && found.generation() == generation) {
        return found.snapshot();
      }
    }
    InquiryJourneys snapshot = InquiryJourneys.read(tx, inquiry, scope);
    synchronized (kept) {
      kept.put(inquiry, new Kept(generation, snapshot));
    }
    return snapshot;
  }

  // ---- Saved queries ----

  /**
   * Saves a query by name in an inquiry, replacing the one saved before under that name.
   *
   * @throws InvalidInputException when the name is empty or the query does not fit the inquiry
   */
  public SavedQuery save(UserId user, InquiryId inquiry, String name, JourneyQuery query) {
    String wanted = name == null ? "" : name.strip();
    if (wanted.isEmpty()) {
      throw new InvalidInputException("A saved query needs a name");
    }
    if (wanted.length() > MAX_NAME) {
      throw new InvalidInputException(
          "The name of a saved query has at most " + MAX_NAME + " characters");
    }
    return store.inTransaction(
        tx -> {
          check(InquiryJourneys.read(tx, inquiry), query);
          ElementId id =
              tx.journeys().queries(inquiry).stream()
                  .filter(q -> q.name().equals(wanted))
                  .map(SavedQuery::id)
                  .findFirst()
                  .orElseGet(() -> new ElementId(tx.newId()));
          SavedQuery saved = new SavedQuery(id, inquiry, wanted, query.parameters());
          history.apply(tx, inquiry, user, new QueryOperations.SaveQuery(saved));
          return saved;
        });
  }

  /** The queries saved in an inquiry, by name. */
  public List<SavedQuery> saved(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.journeys().queries(inquiry));
  }

  /**
   * The query saved under a name.
   *
   * @throws NotFoundException when there is none
   */
  public SavedQuery saved(InquiryId inquiry, String name) {
    String wanted = name == null ? "" : name.strip();
    return saved(inquiry).stream()
        .filter(q -> q.name().equals(wanted))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("There is no saved query named " + wanted));
  }

  /** Deletes a saved query. */
  public void delete(UserId user, ElementId id) {
    store.inTransaction(
        tx -> {
          SavedQuery query =
              tx.journeys()
                  .findQuery(id)
                  .orElseThrow(() -> new NotFoundException("There is no saved query " + id));
          history.apply(tx, query.inquiryId(), user, new QueryOperations.DeleteQuery(id));
          return null;
        });
  }

  private static final int MAX_NAME = 200;

  // ---- Running queries ----

  /**
   * The elements that pass the query, by case then id.
   *
   * @throws org.fabrique.core.error.NotFoundException when there is no such inquiry
   * @throws InvalidInputException when the query names terms, cases, codes or elements the inquiry
   *     does not have
   */
  public List<JourneyRow> run(InquiryId inquiry, JourneyQuery query) {
    return run(inquiry, query, ExportScope.asStored());
  }

  /**
   * The elements that pass the query as they may go out under an export scope: elements and
   * evidence above its level left out (and not counted), free text and quotes redacted.
   */
  public List<JourneyRow> run(InquiryId inquiry, JourneyQuery query, ExportScope scope) {
    return store.inTransaction(
        tx -> {
          InquiryJourneys snapshot = snapshot(tx, inquiry, scope);
          check(snapshot, query);
          Sources sources = new Sources(tx, scope, snapshot);
          List<JourneyRow> rows = new ArrayList<>();
          for (JourneyElement element : snapshot.elements.values()) {
            if (matches(snapshot, query, element)) {
              rows.add(row(snapshot, element, sources));
            }
          }
          return rows;
        });
  }

  /**
   * The ids of the elements of an inquiry that pass the query, for the journey graph's filters.
   * Elements other than actors pass as in {@link #run(InquiryId, JourneyQuery)}. An actor (which
   * has no date and is about no dimension of its own) passes when it is one of the actors and in
   * one of the categories asked for, if the query asks for some, and, if the query has other
   * filters, when it takes part in, decides or is named by an element that passes.
   *
   * @throws InvalidInputException when the query names terms, cases, codes or elements the inquiry
   *     does not have
   */
  public Set<ElementId> matching(InquiryId inquiry, JourneyQuery query) {
    return store.inTransaction(
        tx -> {
          InquiryJourneys snapshot = snapshot(tx, inquiry, ExportScope.asStored());
          check(snapshot, query);
          Set<ElementId> out = new java.util.HashSet<>();
          List<Actor> actors = new ArrayList<>();
          for (JourneyElement element : snapshot.elements.values()) {
            if (element instanceof Actor actor) {
              actors.add(actor);
            } else if (matches(snapshot, query, element)) {
              out.add(element.id());
            }
          }
          Map<ElementId, Set<ElementId>> linked = new HashMap<>();
          snapshot.participations.forEach(
              (target, taking) ->
                  taking.forEach(
                      p ->
                          linked
                              .computeIfAbsent(p.actor(), k -> new java.util.HashSet<>())
                              .add(target)));
          Set<String> others = new java.util.HashSet<>(query.parameters().keySet());
          others.removeAll(List.of("actor", "actor-category"));
          for (Actor actor : actors) {
            boolean itself =
                (query.actors().isEmpty() || query.actors().contains(actor.id()))
                    && (query.actorCategories().isEmpty()
                        || query.actorCategories().contains(actor.category()));
            if (itself
                && (others.isEmpty()
                    || snapshot.neighboursOf(actor.id()).stream().anyMatch(out::contains)
                    || linked.getOrDefault(actor.id(), Set.of()).stream()
                        .anyMatch(out::contains))) {
              out.add(actor.id());
            }
          }
          return out;
        });
  }

  /**
   * How many elements pass the query in each domain (or case), in all (the first row) and by the
   * category of the actors considered (the other rows; "—" for actors of no category): "who
   * decides" compared across domains. Columns are every domain of the inquiry's cases (or every
   * case), then "—" for elements outside any case.
   */
  public Matrix counts(InquiryId inquiry, JourneyQuery query, JourneyAnalytics.Across across) {
    return counts(inquiry, query, across, ExportScope.asStored());
  }

  /**
   * {@link #counts(InquiryId, JourneyQuery, JourneyAnalytics.Across)} of what may go out under an
   * export scope: elements and evidence above its level are not counted, case names are redacted.
   */
  public Matrix counts(
      InquiryId inquiry, JourneyQuery query, JourneyAnalytics.Across across, ExportScope scope) {
    return store.inTransaction(
        tx -> {
          InquiryJourneys snapshot = snapshot(tx, inquiry, scope);
          check(snapshot, query);
          List<Matrix.Header> columns = new ArrayList<>();
          if (across == JourneyAnalytics.Across.DOMAINS) {
            new TreeSet<>(snapshot.cases.values().stream().map(c -> c.domain().id()).toList())
                .forEach(d -> columns.add(new Matrix.Header(d, d)));
          } else {
            snapshot
                .cases
                .values()
                .forEach(
                    c -> columns.add(new Matrix.Header(Long.toString(c.id().value()), c.name())));
          }
          columns.add(new Matrix.Header(JourneyAnalytics.NONE, JourneyAnalytics.NONE));
          Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
          counts.put(ALL, new HashMap<>());
          Map<String, Map<String, Integer>> byCategory = new TreeMap<>();
          for (JourneyElement element : snapshot.elements.values()) {
            if (!matches(snapshot, query, element)) {
              continue;
            }
            String column =
                snapshot
                    .caseOf(element)
                    .map(
                        c ->
                            across == JourneyAnalytics.Across.DOMAINS
                                ? c.domain().id()
                                : Long.toString(c.id().value()))
                    .orElse(JourneyAnalytics.NONE);
            counts.get(ALL).merge(column, 1, Integer::sum);
            Set<String> categories = new TreeSet<>();
            for (JourneyRow.RowActor actor : considered(snapshot, query, element)) {
              categories.add(actor.category().isEmpty() ? JourneyAnalytics.NONE : actor.category());
            }
            categories.forEach(
                c ->
                    byCategory
                        .computeIfAbsent(c, k -> new HashMap<>())
                        .merge(column, 1, Integer::sum));
          }
          counts.putAll(byCategory);
          List<Matrix.Header> rows = new ArrayList<>();
          List<List<Matrix.Cell>> cells = new ArrayList<>();
          counts.forEach(
              (row, values) -> {
                rows.add(new Matrix.Header(row, row));
                cells.add(
                    columns.stream()
                        .map(
                            c -> {
                              int n = values.getOrDefault(c.key(), 0);
                              return n == 0 ? Matrix.Cell.EMPTY : new Matrix.Cell(n, 0, 0);
                            })
                        .toList());
              });
          String corner =
              "Elements · actor category / "
                  + (across == JourneyAnalytics.Across.DOMAINS ? "Domain" : "Case");
          return scope.matrix(new Matrix(corner, rows, columns, cells));
        });
  }

  /**
   * The passages that are evidence of the elements the query finds: what a coding query or a matrix
   * restricted to those elements looks at ({@link
   * org.fabrique.core.analysis.AnalysisScope#withinEvidence}).
   *
   * @throws InvalidInputException when the query does not fit the inquiry
   */
  public EvidencePassages evidence(InquiryId inquiry, JourneyQuery query) {
    return store.inTransaction(
        tx -> {
          InquiryJourneys snapshot = snapshot(tx, inquiry, ExportScope.asStored());
          check(snapshot, query);
          EvidencePassages passages = new EvidencePassages();
          for (JourneyElement element : snapshot.elements.values()) {
            if (matches(snapshot, query, element)) {
              for (Evidence found : snapshot.evidenceOf(element.id())) {
                passages.add(
                    new EvidencePassages.Passage(
                        found.sourceId(), found.span(), found.segmentId()));
              }
            }
          }
          return passages;
        });
  }

  /**
   * The query given by a saved name or by named parameters (the one or the other): how the coding
   * queries and matrices take a journey query as a filter.
   *
   * @throws InvalidInputException when both or neither are given, or the parameters are wrong
   */
  public Optional<JourneyQuery> filter(
      InquiryId inquiry, Optional<String> savedName, Map<String, List<String>> parameters) {
    boolean named = savedName.filter(n -> !n.isBlank()).isPresent();
    if (named && !parameters.isEmpty()) {
      throw new InvalidInputException(
          "Give the journey query by its saved name or by its filters, not both");
    }
    if (named) {
      return Optional.of(JourneyQuery.parse(saved(inquiry, savedName.get()).parameters()));
    }
    return parameters.isEmpty() ? Optional.empty() : Optional.of(JourneyQuery.parse(parameters));
  }

  /** The key of the first row of {@link #counts}: every element found. */
  public static final String ALL = "all";

  /**
   * The quotes of an element's evidence, with the speaker and time of each passage and the codes on
   * it, for the element's page.
   *
   * @throws NotFoundException when there is no such element
   */
  public List<JourneyRow.Quote> quotes(ElementId element) {
    return store.inTransaction(
        tx -> {
          JourneyElement found =
              tx.journeys()
                  .find(element)
                  .orElseThrow(
                      () -> new NotFoundException("There is no journey element " + element));
          Map<CodeId, String> names = new HashMap<>();
          tx.coding().listCodes(found.inquiryId()).forEach(c -> names.put(c.id(), c.name()));
          Sources sources = new Sources(tx, ExportScope.asStored());
          List<JourneyRow.Quote> quotes = new ArrayList<>();
          List<Evidence> evidence = new ArrayList<>(tx.journeys().evidenceOf(found.ref()));
          evidence.sort(InquiryJourneys.EVIDENCE_ORDER);
          for (Evidence item : evidence) {
            Set<CodeId> codes = new java.util.LinkedHashSet<>();
            if (item.span().isPresent()) {
              tx.coding()
                  .spans(item.sourceId(), item.span().get().start(), item.span().get().end())
                  .forEach(span -> codes.add(span.codeId()));
            }
            Optional<SpeakerTurn> turn =
                item.span().flatMap(span -> sources.turnAt(item.sourceId(), span.start()));
            quotes.add(
                new JourneyRow.Quote(
                    item.id(),
                    item.sourceId(),
                    sources.title(item.sourceId()),
                    item.span(),
                    item.quote(),
                    turn.map(SpeakerTurn::speaker).filter(s -> !s.isBlank()),
                    turn.flatMap(SpeakerTurn::timestamp).filter(s -> !s.isBlank()),
                    codes.stream()
                        .map(id -> new JourneyRow.CodeLabel(id, names.getOrDefault(id, "")))
                        .toList()));
          }
          return quotes;
        });
  }

  // ---- Checking the query against the inquiry ----

  private static void check(InquiryJourneys snapshot, JourneyQuery query) {
    List<Problem> problems = new ArrayList<>();
    terms(
        snapshot,
        VocabularyName.ACTOR_CATEGORIES,
        "actor-category",
        query.actorCategories(),
        problems);
    terms(
        snapshot,
        VocabularyName.ACTOR_CATEGORIES,
        "not-actor-category",
        query.excludedActorCategories(),
        problems);
    terms(
        snapshot,
        VocabularyName.INTERVENTION_TYPES,
        "intervention-type",
        query.interventionTypes(),
        problems);
    terms(
        snapshot, VocabularyName.DECISION_MODES, "decision-mode", query.decisionModes(), problems);
    terms(
        snapshot,
        VocabularyName.RESOLUTION_MODES,
        "resolution-mode",
        query.resolutionModes(),
        problems);
    for (String role : query.roles()) {
      if (!QueryFacts.PARTS.contains(role)
          && !snapshot.vocabulary(VocabularyName.ROLES).contains(role)) {
        problems.add(Problem.error("role", "Unknown role " + role));
      }
    }
    for (CaseId caseId : query.cases()) {
      if (!snapshot.cases.containsKey(caseId)) {
        problems.add(Problem.error("case", "There is no case " + caseId + " in this inquiry"));
      }
    }
    for (CodeId code : query.codes()) {
      if (!snapshot.codes.containsKey(code)) {
        problems.add(Problem.error("code", "Code " + code + " is not a code of this inquiry"));
      }
    }
    for (ElementId actor : query.actors()) {
      if (!(snapshot.elements.get(actor) instanceof Actor)) {
        problems.add(Problem.error("actor", "There is no actor " + actor + " in this inquiry"));
      }
    }
    for (ElementId element : query.concerning()) {
      if (!snapshot.elements.containsKey(element)) {
        problems.add(
            Problem.error("concerning", "There is no element " + element + " in this inquiry"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          String.join("; ", problems.stream().map(Problem::message).toList()), problems);
    }
  }

  private static void terms(
      InquiryJourneys snapshot,
      VocabularyName vocabulary,
      String parameter,
      Set<String> values,
      List<Problem> problems) {
    if (values.isEmpty()) {
      return;
    }
    var known = snapshot.vocabulary(vocabulary);
    for (String value : values) {
      if (!known.contains(value)) {
        problems.add(
            Problem.error(
                parameter, "Unknown term " + value + " in vocabulary " + vocabulary.id()));
      }
    }
  }

  // ---- Matching ----

  private static boolean matches(InquiryJourneys snapshot, JourneyQuery query, JourneyElement e) {
    GraphFacts graph = snapshot.graph.get(e.id());
    QueryFacts facts = snapshot.facts.get(e.id());
    if (!query.kinds().isEmpty() && !query.kinds().contains(e.kind())) {
      return false;
    }
    if (!query.types().isEmpty() && !query.types().contains(graph.type())) {
      return false;
    }
    if (!query.cases().isEmpty()
        && (e.header().caseId().isEmpty() || !query.cases().contains(e.header().caseId().get()))) {
      return false;
    }
    if (!query.domains().isEmpty()
        && snapshot.domainOf(e).filter(query.domains()::contains).isEmpty()) {
      return false;
    }
    if (!query.knownBy().isEmpty() && !query.knownBy().contains(e.header().knownBy())) {
      return false;
    }
    if (!query.statuses().isEmpty() && !query.statuses().contains(graph.status())) {
      return false;
    }
    if (!query.decisionModes().isEmpty() && !query.decisionModes().contains(facts.decisionMode())) {
      return false;
    }
    if (!query.resolutionModes().isEmpty()
        && !query.resolutionModes().contains(facts.resolutionMode())) {
      return false;
    }
    if (!query.dimensions().isEmpty()
        && !intersects(snapshot.dimensionsOf(e), InquiryJourneys.ids(query.dimensions()))) {
      return false;
    }
    if (!query.interventionTypes().isEmpty()
        && !intersects(snapshot.interventionTypesOf(e), query.interventionTypes())) {
      return false;
    }
    if (!query.concerning().isEmpty()
        && !query.concerning().contains(e.id())
        && !intersects(snapshot.neighboursOf(e.id()), query.concerning())) {
      return false;
    }
    if (!actorsMatch(snapshot, query, e)) {
      return false;
    }
    if (query.from().isPresent() || query.to().isPresent()) {
      Optional<LocalDate> date = snapshot.dateOf(e.id());
      if (date.isEmpty()
          || query.from().filter(date.get()::isBefore).isPresent()
          || query.to().filter(date.get()::isAfter).isPresent()) {
        return false;
      }
    }
    List<Evidence> evidence = snapshot.evidenceOf(e.id());
    switch (query.evidence()) {
      case WITH -> {
        if (evidence.isEmpty()) {
          return false;
        }
      }
      case WITHOUT -> {
        if (!evidence.isEmpty()) {
          return false;
        }
      }
      case ANY -> {
        // no condition
      }
    }
    if (!query.codes().isEmpty()
        && evidence.stream().noneMatch(ev -> intersects(snapshot.codesOn(ev), query.codes()))) {
      return false;
    }
    return true;
  }

  private static boolean actorsMatch(
      InquiryJourneys snapshot, JourneyQuery query, JourneyElement element) {
    boolean actorFilters =
        !query.roles().isEmpty()
            || !query.actors().isEmpty()
            || !query.actorCategories().isEmpty()
            || !query.excludedActorCategories().isEmpty();
    if (!actorFilters) {
      return true;
    }
    List<JourneyRow.RowActor> considered = considered(snapshot, query, element);
    if (considered.isEmpty()) {
      return false;
    }
    if (!query.actors().isEmpty()
        && considered.stream().noneMatch(a -> query.actors().contains(a.id()))) {
      return false;
    }
    if (!query.actorCategories().isEmpty()
        && considered.stream().noneMatch(a -> query.actorCategories().contains(a.category()))) {
      return false;
    }
    return query.excludedActorCategories().isEmpty()
        || considered.stream()
            .noneMatch(a -> query.excludedActorCategories().contains(a.category()));
  }

  /** The actors of an element in the roles the query asks for (all of them if it asks none). */
  private static List<JourneyRow.RowActor> considered(
      InquiryJourneys snapshot, JourneyQuery query, JourneyElement element) {
    return snapshot.actorsOf(element).stream()
        .filter(a -> query.roles().isEmpty() || query.roles().contains(a.role()))
        .toList();
  }

  private static <T> boolean intersects(Set<T> some, Set<T> others) {
    for (T value : some) {
      if (others.contains(value)) {
        return true;
      }
    }
    return false;
  }

  // ---- Rows ----

  static JourneyRow row(InquiryJourneys snapshot, JourneyElement element, Sources sources) {
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

  private static JourneyRow.Quote quote(InquiryJourneys snapshot, Evidence found, Sources sources) {
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

  /** Source titles and speaker turns, read once per source. */
  static final class Sources {
    private final Transaction tx;
    private final ExportScope scope;
    private final Map<SourceId, Optional<Source>> found;
    private final Map<SourceId, String> titles = new HashMap<>();
    private final Map<SourceId, List<SpeakerTurn>> turns;

    Sources(Transaction tx, ExportScope scope) {
      this.tx = tx;
      this.scope = scope;
      this.found = new HashMap<>();
      this.turns = new HashMap<>();
    }

    /** Sources and turns kept with a snapshot (read in the snapshot's generation). */
    Sources(Transaction tx, ExportScope scope, InquiryJourneys snapshot) {
      this.tx = tx;
      this.scope = scope;
      this.found = snapshot.sources;
      this.turns = snapshot.turns;
    }

    Optional<Source> source(SourceId id) {
      return found.computeIfAbsent(id, s -> tx.corpus().findSource(s));
    }

    String title(SourceId id) {
      return titles.computeIfAbsent(
          id, s -> source(s).map(Source::title).map(scope::freeText).orElse("#" + s.value()));
    }

    /** Free text as it goes out under the scope. */
    String text(String text) {
      return text == null || text.isEmpty() ? "" : scope.freeText(text);
    }

    /**
     * The words of a piece of evidence as they go out: the passage of the source's redacted text
     * when the scope changes texts, else the quote as stored.
     */
    String quote(Evidence evidence) {
      if (scope.changesText() && evidence.span().isPresent()) {
        Optional<Source> source = source(evidence.sourceId());
        if (source.isPresent()) {
          return scope.passage(
              source.get(), evidence.span().get().start(), evidence.span().get().end());
        }
      }
      return text(evidence.quote());
    }

    Optional<SpeakerTurn> turnAt(SourceId id, int position) {
      List<SpeakerTurn> all = turns.computeIfAbsent(id, s -> tx.corpus().turns(s));
      int low = 0;
      int high = all.size() - 1;
      while (low <= high) {
        int middle = (low + high) >>> 1;
        SpeakerTurn turn = all.get(middle);
        if (position < turn.start()) {
          high = middle - 1;
        } else if (position >= turn.end()) {
          low = middle + 1;
        } else {
          return Optional.of(turn);
        }
      }
      return Optional.empty();
    }
  }
}
