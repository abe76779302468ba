package org.fabrique.core.journey.query;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.ConditionChange;
import org.fabrique.core.journey.Constraint;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.Use;
import org.fabrique.core.journey.UseCondition;
import org.fabrique.core.journey.kind.GraphEdge;
import org.fabrique.core.journey.kind.QueryFacts;
import org.fabrique.core.journey.query.CaseDossier.Detail;
import org.fabrique.core.journey.query.CaseDossier.DetailKey;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.store.Store;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Builds the dossier of a case ({@link CaseDossier}): its journey graph laid out in layers, its
 * timeline, its elements with their details and quotes, its actors and the index of its evidence,
 * all through an export scope, so that nothing goes out that the profile does not allow.
 */
public final class CaseDossiers {
  private final Store store;

  public CaseDossiers(Store store) {
    this.store = store;
  }

  /**
   * The dossier of a case under an export scope, its terms in a language ({@code fr}: French, else
   * English). A case without elements has an empty dossier, never an error.
   *
   * @throws NotFoundException when there is no such case
   */
  public CaseDossier build(CaseId caseId, ExportScope scope, Locale locale) {
    return store.inTransaction(
        tx -> {
          Case theCase =
              tx.inquiries()
                  .findCase(caseId)
                  .orElseThrow(() -> new NotFoundException("There is no case " + caseId));
          Inquiry inquiry =
              tx.inquiries()
                  .findInquiry(theCase.inquiryId())
                  .orElseThrow(() -> new NotFoundException("There is no case " + caseId));
          InquiryJourneys snapshot = InquiryJourneys.read(tx, inquiry.id(), scope);
          RowSources sources = new RowSources(tx, scope);
          return new Builder(snapshot, sources, scope, locale, theCase, inquiry).build();
        });
  }

  /** One dossier being built. */
  private static final class Builder {
    private final InquiryJourneys snapshot;
    private final RowSources sources;
    private final ExportScope scope;
    private final Locale locale;
    private final Case theCase;
    private final Inquiry inquiry;
    private final Map<String, Integer> quoteNumbers = new LinkedHashMap<>();
    private final Map<String, CaseDossier.IndexedQuote> quotes = new LinkedHashMap<>();

    Builder(
        InquiryJourneys snapshot,
        RowSources sources,
        ExportScope scope,
        Locale locale,
        Case theCase,
        Inquiry inquiry) {
      this.snapshot = snapshot;
      this.sources = sources;
      this.scope = scope;
      this.locale = locale;
      this.theCase = theCase;
      this.inquiry = inquiry;
    }

    CaseDossier build() {
      List<JourneyElement> inCase = new ArrayList<>();
      List<Actor> actors = new ArrayList<>();
      for (JourneyElement element : snapshot.elements.values()) {
        if (!element.header().caseId().filter(theCase.id()::equals).isPresent()) {
          continue;
        }
        if (element instanceof Actor actor) {
          actors.add(actor);
        } else {
          inCase.add(element);
        }
      }
      // Actors of other cases (or of none) who take part in the case's elements are the case's too.
      Set<ElementId> named = new LinkedHashSet<>();
      for (JourneyElement element : inCase) {
        snapshot.actorsOf(element).forEach(a -> named.add(a.id()));
      }
      for (ElementId id : named) {
        if (snapshot.elements.get(id) instanceof Actor actor && !actors.contains(actor)) {
          actors.add(actor);
        }
      }
      // Rows first (in the evidence order) so that quotes are numbered by source and position.
      Map<ElementId, JourneyRow> rows = new LinkedHashMap<>();
      for (JourneyElement element : inCase) {
        rows.put(element.id(), QueryRows.row(snapshot, element, sources));
      }
      numberQuotes(rows.values());
      List<CaseDossier.Entry> interventions = new ArrayList<>();
      List<CaseDossier.Entry> choices = new ArrayList<>();
      List<CaseDossier.Entry> tensions = new ArrayList<>();
      List<CaseDossier.Entry> procedures = new ArrayList<>();
      List<CaseDossier.Entry> uses = new ArrayList<>();
      List<CaseDossier.Entry> others = new ArrayList<>();
      for (JourneyElement element : inCase) {
        CaseDossier.Entry entry = entry(element, rows.get(element.id()));
        switch (element.kind()) {
          case INTERVENTION -> interventions.add(entry);
          case CHOICE -> choices.add(entry);
          case TENSION -> tensions.add(entry);
          case PROCEDURE -> procedures.add(entry);
          case USE -> uses.add(entry);
          default -> others.add(entry);
        }
      }
      List<CaseDossier.DossierActor> dossierActors =
          actors.stream()
              .map(
                  a ->
                      new CaseDossier.DossierActor(
                          a.id(),
                          a.pseudonym(),
                          scope.profile().realNames() == ExportProfile.Disclosure.DISCLOSED
                              ? a.realName()
                              : Optional.empty(),
                          a.type().id(),
                          term(VocabularyName.ACTOR_CATEGORIES, a.category()),
                          sources.text(a.institution())))
              .toList();
      return new CaseDossier(
          french() ? "fr" : "en",
          sources.text(inquiry.name()),
          sources.text(theCase.name()),
          term(VocabularyName.DOMAINS, theCase.domain().id()),
          sources.text(theCase.description()),
          scope.profile().name(),
          scope.report(),
          graph(inCase),
          timeline(inCase),
          interventions,
          choices,
          tensions,
          procedures,
          uses,
          others,
          dossierActors,
          List.copyOf(quotes.values()));
    }

    private boolean french() {
      return "fr".equals(locale.getLanguage());
    }

    // ---- Quotes ----

    private static String key(JourneyRow.Quote quote) {
      return quote.sourceId().value()
          + ":"
          + quote.span().map(s -> s.start() + "-" + s.end()).orElse("all");
    }

    private void numberQuotes(java.util.Collection<JourneyRow> rows) {
      List<JourneyRow.Quote> all = new ArrayList<>();
      Map<String, List<String>> citedBy = new HashMap<>();
      for (JourneyRow row : rows) {
        for (JourneyRow.Quote quote : row.quotes()) {
          List<String> elements = citedBy.computeIfAbsent(key(quote), k -> new ArrayList<>());
          if (elements.isEmpty()) {
            all.add(quote);
          }
          if (!elements.contains(row.label())) {
            elements.add(row.label());
          }
        }
      }
      all.sort(
          Comparator.comparingLong((JourneyRow.Quote q) -> q.sourceId().value())
              .thenComparingInt(q -> q.span().map(s -> s.start()).orElse(-1)));
      for (JourneyRow.Quote quote : all) {
        int number = quoteNumbers.size() + 1;
        quoteNumbers.put(key(quote), number);
        quotes.put(
            key(quote),
            new CaseDossier.IndexedQuote(
                number,
                quote.citation(),
                quote.sourceTitle(),
                quote.text(),
                citedBy.get(key(quote))));
      }
    }

    // ---- Entries ----

    private CaseDossier.Entry entry(JourneyElement element, JourneyRow row) {
      List<Detail> details = new ArrayList<>();
      String description = sources.text(element.header().description());
      if (!description.isEmpty() && !description.equals(row.rationale())) {
        details.add(detail(DetailKey.DESCRIPTION, description));
      }
      if (element instanceof Intervention intervention) {
        details.add(detail(DetailKey.TYPE, term(VocabularyName.INTERVENTION_TYPES, row.type())));
        details.add(new Detail(DetailKey.INPUTS, labels(intervention.inputs())));
        details.add(new Detail(DetailKey.OUTPUTS, labels(intervention.outputs())));
        details.add(detail(DetailKey.TOOL, sources.text(intervention.tool())));
        List<String> changes = new ArrayList<>();
        for (ConditionChange change : intervention.conditionChanges()) {
          changes.add(
              change.effect().name().toLowerCase(Locale.ROOT)
                  + ": "
                  + condition(change.condition()));
        }
        details.add(new Detail(DetailKey.CONDITIONS, changes));
      } else if (element instanceof Choice choice) {
        details.add(
            new Detail(
                DetailKey.DIMENSIONS, choice.dimensions().stream().map(this::dimension).toList()));
        List<String> options = new ArrayList<>();
        for (int i = 0; i < choice.options().size(); i++) {
          ChoiceOption option = choice.options().get(i);
          int index = i;
          boolean selected = choice.selected().filter(s -> s == index).isPresent();
          options.add((selected ? "[x] " : "[ ] ") + sources.text(option.label()));
        }
        details.add(new Detail(DetailKey.OPTIONS, options));
        details.add(
            detail(
                DetailKey.DECISION_MODE,
                term(VocabularyName.DECISION_MODES, choice.decisionMode())));
        details.add(new Detail(DetailKey.DECIDED_BY, labels(choice.decidedBy())));
        details.add(detail(DetailKey.STATUS, choice.status().id()));
        details.add(detail(DetailKey.DATE, choice.decidedOn().map(LocalDate::toString).orElse("")));
        List<String> constraints = new ArrayList<>();
        for (Constraint constraint : choice.constraints()) {
          constraints.add(
              join(
                  constraint.kind().id() + ": " + constraint.term(),
                  sources.text(constraint.note())));
        }
        details.add(new Detail(DetailKey.CONSTRAINTS, constraints));
      } else if (element instanceof Tension tension) {
        details.add(detail(DetailKey.TYPE, term(VocabularyName.TENSION_NATURES, tension.nature())));
        List<String> positions = new ArrayList<>();
        for (Position position : tension.positions()) {
          positions.add(
              join(
                  label(position.actor()) + ": " + sources.text(position.stance()),
                  sources.text(position.argument())));
        }
        details.add(new Detail(DetailKey.POSITIONS, positions));
        details.add(detail(DetailKey.STATUS, tension.status().id()));
        details.add(
            detail(
                DetailKey.RESOLUTION_MODE,
                term(VocabularyName.RESOLUTION_MODES, tension.resolutionMode())));
        details.add(
            detail(
                DetailKey.RESOLUTION,
                join(
                    sources.text(tension.resolution()),
                    tension.resolvedBy().map(this::label).orElse(""))));
      } else if (element instanceof Procedure procedure) {
        details.add(detail(DetailKey.TYPE, term(VocabularyName.PROCEDURES, procedure.type())));
        details.add(detail(DetailKey.REFERENCE, sources.text(procedure.reference())));
        details.add(detail(DetailKey.DATE, procedure.date().map(LocalDate::toString).orElse("")));
        details.add(detail(DetailKey.ISSUED_BY, procedure.issuedBy().map(this::label).orElse("")));
        details.add(detail(DetailKey.OUTCOME, sources.text(procedure.outcome())));
      } else if (element instanceof Use use) {
        details.add(detail(DetailKey.TYPE, term(VocabularyName.PURPOSES, use.purposeTerm())));
        details.add(detail(DetailKey.REQUESTER, use.requester().map(this::label).orElse("")));
        details.add(new Detail(DetailKey.DATA_USED, labels(use.dataUsed())));
        details.add(
            new Detail(
                DetailKey.CONDITIONS,
                use.conditionsRequested().stream().map(this::condition).toList()));
        details.add(detail(DetailKey.PROCEDURE, use.procedure().map(this::label).orElse("")));
      } else if (!row.type().isEmpty()) {
        details.add(detail(DetailKey.TYPE, row.type()));
      }
      details.add(detail(DetailKey.KNOWN_BY, element.header().knownBy().id()));
      List<Detail> kept = details.stream().filter(d -> !d.values().isEmpty()).toList();
      List<JourneyRow.RowActor> actors =
          row.actors().stream()
              .map(
                  a ->
                      new JourneyRow.RowActor(
                          a.id(),
                          a.pseudonym(),
                          term(VocabularyName.ACTOR_CATEGORIES, a.category()),
                          a.institution(),
                          QueryFacts.PARTS.contains(a.role())
                              ? a.role()
                              : term(VocabularyName.ROLES, a.role()),
                          a.detail()))
              .toList();
      JourneyRow translated =
          new JourneyRow(
              row.kind(),
              row.id(),
              row.label(),
              row.caseId(),
              row.caseName(),
              row.domain(),
              row.type(),
              row.status(),
              row.dimensions(),
              row.decisionMode(),
              row.resolutionMode(),
              row.knownBy(),
              row.date(),
              row.rationale(),
              actors,
              row.quotes(),
              row.related());
      List<Integer> numbers = row.quotes().stream().map(q -> quoteNumbers.get(key(q))).toList();
      return new CaseDossier.Entry(translated, kept, numbers);
    }

    private static Detail detail(DetailKey key, String value) {
      return new Detail(key, value == null || value.isBlank() ? List.of() : List.of(value));
    }

    private static String join(String first, String second) {
      if (second == null || second.isBlank()) {
        return first;
      }
      return first.isBlank() ? second : first + " — " + second;
    }

    private String condition(UseCondition condition) {
      return join(term(VocabularyName.DUO, condition.term()), sources.text(condition.note()));
    }

    private List<String> labels(List<ElementId> ids) {
      return ids.stream().map(this::label).toList();
    }

    /** An element's label as it goes out, or its id when the profile leaves it out. */
    private String label(ElementId id) {
      JourneyElement element = snapshot.elements.get(id);
      return element == null ? "#" + id.value() : sources.text(element.label());
    }

    private String term(VocabularyName vocabulary, String id) {
      if (id == null || id.isBlank()) {
        return "";
      }
      return snapshot.vocabulary(vocabulary).term(id).map(t -> t.label(locale)).orElse(id);
    }

    private String dimension(Dimension dimension) {
      if (!french()) {
        return dimension.id();
      }
      return switch (dimension) {
        case NATURE -> "nature";
        case KNOWLEDGE -> "connaissance";
        case USES -> "usages";
        case REGULATION -> "régulation";
      };
    }

    // ---- Timeline and graph ----

    private List<CaseDossier.Moment> timeline(List<JourneyElement> elements) {
      List<CaseDossier.Moment> moments = new ArrayList<>();
      for (JourneyElement element : elements) {
        snapshot
            .graph
            .get(element.id())
            .time()
            .ifPresent(
                time ->
                    moments.add(
                        new CaseDossier.Moment(
                            time.atZone(ZoneOffset.UTC).toLocalDate(),
                            element.kind(),
                            element.id(),
                            sources.text(element.label()))));
      }
      moments.sort(
          Comparator.comparing(CaseDossier.Moment::date).thenComparingLong(m -> m.id().value()));
      return moments;
    }

    /**
     * The case's elements (and the data they take in and give out) with the edges between them,
     * each placed in a layer one further than the furthest element it comes from (a longest-path
     * layering; an edge closing a cycle is drawn backwards), ranked in their layer by id.
     */
    private CaseDossier.Graph graph(List<JourneyElement> elements) {
      Map<ElementId, JourneyElement> nodes = new LinkedHashMap<>();
      elements.forEach(e -> nodes.put(e.id(), e));
      List<GraphEdge> edges = new ArrayList<>();
      for (JourneyElement element : elements) {
        for (GraphEdge edge : snapshot.graph.get(element.id()).edges()) {
          for (ElementId end : List.of(edge.from(), edge.to())) {
            JourneyElement other = snapshot.elements.get(end);
            if (other != null && other.kind() == ItemKind.DATA_OBJECT) {
              nodes.putIfAbsent(end, other);
            }
          }
          if (nodes.containsKey(edge.from()) && nodes.containsKey(edge.to())) {
            edges.add(edge);
          }
        }
      }
      List<GraphEdge> forward = forward(nodes.keySet(), edges);
      Map<ElementId, Integer> layer = new HashMap<>();
      nodes.keySet().forEach(id -> layer.put(id, 0));
      // Longest path over the edges that go forward: they make no cycle, so this ends.
      boolean changed = true;
      while (changed) {
        changed = false;
        for (GraphEdge edge : forward) {
          int wanted = layer.get(edge.from()) + 1;
          if (layer.get(edge.to()) < wanted) {
            layer.put(edge.to(), wanted);
            changed = true;
          }
        }
      }
      // An element that comes from nothing (a choice about an intervention) goes just before the
      // first element it leads to, rather than with the first ones.
      Set<ElementId> reached = new java.util.HashSet<>();
      forward.forEach(e -> reached.add(e.to()));
      Map<ElementId, Integer> pulled = new HashMap<>();
      for (GraphEdge edge : forward) {
        if (!reached.contains(edge.from())) {
          pulled.merge(edge.from(), layer.get(edge.to()) - 1, Math::min);
        }
      }
      pulled.forEach((id, at) -> layer.put(id, Math.max(0, at)));
      Map<Integer, Integer> ranks = new HashMap<>();
      List<CaseDossier.Node> out = new ArrayList<>();
      List<ElementId> ordered = new ArrayList<>(nodes.keySet());
      ordered.sort(Comparator.comparingLong(ElementId::value));
      for (ElementId id : ordered) {
        int l = layer.get(id);
        int rank = ranks.merge(l, 1, Integer::sum) - 1;
        JourneyElement element = nodes.get(id);
        out.add(new CaseDossier.Node(id, element.kind(), sources.text(element.label()), l, rank));
      }
      List<CaseDossier.Edge> outEdges =
          edges.stream()
              .map(e -> new CaseDossier.Edge(e.from(), e.to(), e.kind()))
              .distinct()
              .toList();
      return new CaseDossier.Graph(out, outEdges);
    }

    /**
     * The edges that go forward in a depth-first walk from the elements in id order: every edge but
     * those that close a cycle (to an element still on the walk's path) and loops.
     */
    /** An element of the depth-first walk and the edges it has still to follow. */
    private record Frame(ElementId at, java.util.Iterator<GraphEdge> edges) {}

    private static List<GraphEdge> forward(Set<ElementId> nodes, List<GraphEdge> edges) {
      Map<ElementId, List<GraphEdge>> out = new HashMap<>();
      edges.forEach(e -> out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e));
      Map<ElementId, Integer> state = new HashMap<>(); // 1: on the path, 2: done
      List<GraphEdge> kept = new ArrayList<>();
      List<ElementId> ordered = new ArrayList<>(nodes);
      ordered.sort(Comparator.comparingLong(ElementId::value));
      for (ElementId start : ordered) {
        if (state.containsKey(start)) {
          continue;
        }
        // An explicit stack of elements with the edges still to follow, so that long chains fit.
        java.util.ArrayDeque<Frame> stack = new java.util.ArrayDeque<>();
        stack.push(new Frame(start, out.getOrDefault(start, List.of()).iterator()));
        state.put(start, 1);
        while (!stack.isEmpty()) {
          Frame top = stack.peek();
          if (!top.edges().hasNext()) {
            state.put(top.at(), 2);
            stack.pop();
            continue;
          }
          GraphEdge edge = top.edges().next();
          Integer seen = state.get(edge.to());
          if (seen == null) {
            kept.add(edge);
            state.put(edge.to(), 1);
            stack.push(new Frame(edge.to(), out.getOrDefault(edge.to(), List.of()).iterator()));
          } else if (seen == 2) {
            kept.add(edge);
          }
        }
      }
      return kept;
    }
  }
}
