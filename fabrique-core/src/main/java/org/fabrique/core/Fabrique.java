package org.fabrique.core;

import java.time.Clock;
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
    JourneyService journeys,
    LineageService lineage,
    SetService sets,
    LinkService links,
    QdaExchange qda) {

  /** Wires the services on a store and a text extractor, without exchange with other tools. */
  public static Fabrique on(Store store, TextExtractor extractor, Clock clock) {
    return on(store, extractor, clock, QdaExchange.Factory.NONE);
  }

  /**
   * Wires the services on a store and a text extractor, with the exchange of projects and codebooks
   * that {@code qda} builds (the REFI-QDA one lives in fabrique-formats).
   */
  public static Fabrique on(
      Store store, TextExtractor extractor, Clock clock, QdaExchange.Factory qda) {
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
        new JourneyService(store, history, corpus),
        new LineageService(store),
        new SetService(store, history),
        new LinkService(store, history),
        qda.on(store, history, extractor, clock));
  }
}
