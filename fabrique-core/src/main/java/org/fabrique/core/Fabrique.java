package org.fabrique.core;

import java.time.Clock;
import org.fabrique.core.analysis.AnalysisService;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.attribute.AttributeService;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.TextExtractor;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.LineageService;
import org.fabrique.core.memo.MemoService;
import org.fabrique.core.search.SearchIndex;
import org.fabrique.core.search.SearchService;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.UserService;

/**
 * The services of Fabrique, wired on one store. The web app and the command line take this; the
 * composition root builds it.
 */
public record Fabrique(
    Store store,
    History history,
    UserService users,
    InquiryService inquiries,
    CorpusService corpus,
    CodingService coding,
    MemoService memos,
    AttributeService attributes,
    SearchService search,
    AnalysisService analysis,
    MatrixExport matrixExport,
    JourneyService journeys,
    LineageService lineage) {

  /**
   * Wires the services on a store and a text extractor, without full-text search or table exports
   * (they fail with a message saying so).
   */
  public static Fabrique on(Store store, TextExtractor extractor, Clock clock) {
    return on(store, extractor, clock, SearchIndex.unavailable(), MatrixExport.unavailable());
  }

  /** Wires the services on a store, a text extractor, a search index and table writers. */
  public static Fabrique on(
      Store store,
      TextExtractor extractor,
      Clock clock,
      SearchIndex searchIndex,
      MatrixExport matrixExport) {
    History history = new History(store, clock);
    CorpusService corpus = new CorpusService(store, history, extractor, clock);
    return new Fabrique(
        store,
        history,
        new UserService(store),
        new InquiryService(store, history, clock),
        corpus,
        new CodingService(store, history, corpus, clock),
        new MemoService(store, history, clock),
        new AttributeService(store, history),
        new SearchService(store, searchIndex, corpus, history, clock),
        new AnalysisService(store, corpus),
        matrixExport,
        new JourneyService(store, history, corpus),
        new LineageService(store));
  }
}
