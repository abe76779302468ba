package org.fabrique.core.journey.query;

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
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.history.Generation;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;

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
          QueryMatching.check(InquiryJourneys.read(tx, inquiry), query);
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
          QueryMatching.check(snapshot, query);
          RowSources sources = new RowSources(tx, scope, snapshot);
          List<JourneyRow> rows = new ArrayList<>();
          for (JourneyElement element : snapshot.elements.values()) {
            if (QueryMatching.matches(snapshot, query, element)) {
              rows.add(QueryRows.row(snapshot, element, sources));
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
          QueryMatching.check(snapshot, query);
          Set<ElementId> out = new java.util.HashSet<>();
          List<Actor> actors = new ArrayList<>();
          for (JourneyElement element : snapshot.elements.values()) {
            if (element instanceof Actor actor) {
              actors.add(actor);
            } else if (QueryMatching.matches(snapshot, query, element)) {
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
          QueryMatching.check(snapshot, query);
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
            if (!QueryMatching.matches(snapshot, query, element)) {
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
            for (JourneyRow.RowActor actor : QueryMatching.considered(snapshot, query, element)) {
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
          QueryMatching.check(snapshot, query);
          EvidencePassages passages = new EvidencePassages();
          for (JourneyElement element : snapshot.elements.values()) {
            if (QueryMatching.matches(snapshot, query, element)) {
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
          RowSources sources = new RowSources(tx, ExportScope.asStored());
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
}
