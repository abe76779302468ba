package org.fabrique.core.journey.query;

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
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.JourneyElement;
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
    private final DossierEntries entries;

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
      this.entries = new DossierEntries(snapshot, sources, locale);
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
        JourneyRow row = rows.get(element.id());
        List<Integer> numbers = row.quotes().stream().map(q -> quoteNumbers.get(key(q))).toList();
        CaseDossier.Entry entry = entries.entry(element, row, numbers);
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
                          entries.term(VocabularyName.ACTOR_CATEGORIES, a.category()),
                          sources.text(a.institution())))
              .toList();
      return new CaseDossier(
          french() ? "fr" : "en",
          sources.text(inquiry.name()),
          sources.text(theCase.name()),
          entries.term(VocabularyName.DOMAINS, theCase.domain().id()),
          sources.text(theCase.description()),
          scope.profile().name(),
          scope.report(),
          DossierGraph.of(inCase, snapshot, sources),
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

    // ---- Timeline ----

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
  }
}
