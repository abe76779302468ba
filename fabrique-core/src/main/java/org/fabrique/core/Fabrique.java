package org.fabrique.core;

import java.time.Clock;
import org.fabrique.core.analysis.AnalysisService;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.attribute.AttributeService;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.TextExtractor;
import org.fabrique.core.exchange.QdaExchange;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.LineageService;
import org.fabrique.core.link.LinkService;
import org.fabrique.core.memo.MemoService;
import org.fabrique.core.search.SearchIndex;
import org.fabrique.core.search.SearchService;
import org.fabrique.core.set.SetService;
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
    LineageService lineage,
    SetService sets,
    LinkService links,
    QdaExchange qda) {

  /**
   * Wires the services on a store and a text extractor, without exchange, search or table exports.
   */
  public static Fabrique on(Store store, TextExtractor extractor, Clock clock) {
    return on(store, extractor, clock, QdaExchange.Factory.NONE);
  }

  /**
   * Wires the services on a store and a text extractor, with the exchange of projects and codebooks
   * that {@code qda} builds (the REFI-QDA one lives in fabrique-formats); full-text search and
   * table exports fail with a message saying they are not available.
   */
  public static Fabrique on(
      Store store, TextExtractor extractor, Clock clock, QdaExchange.Factory qda) {
    return on(store, extractor, clock, qda, SearchIndex.unavailable(), MatrixExport.unavailable());
  }

  /** Wires the services with a search index and table writers, without exchange. */
  public static Fabrique on(
      Store store,
      TextExtractor extractor,
      Clock clock,
      SearchIndex searchIndex,
      MatrixExport matrixExport) {
    return on(store, extractor, clock, QdaExchange.Factory.NONE, searchIndex, matrixExport);
  }

  /**
   * Wires every service: exchange with other tools ({@code qda}), the search index (Lucene lives in
   * fabrique-search) and table writers.
   */
  public static Fabrique on(
      Store store,
      TextExtractor extractor,
      Clock clock,
      QdaExchange.Factory qda,
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
        new LineageService(store),
        new SetService(store, history),
        new LinkService(store, history),
        qda.on(store, history, extractor, clock));
  }
}
