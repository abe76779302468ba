package org.fabrique.core;

import java.time.Clock;
import org.fabrique.core.analysis.AnalysisService;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.attribute.AttributeService;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.TextExtractor;
import org.fabrique.core.erasure.ErasureService;
import org.fabrique.core.exchange.QdaExchange;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.ComparisonReports;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.LineageService;
import org.fabrique.core.link.LinkService;
import org.fabrique.core.memo.MemoService;
import org.fabrique.core.redaction.KeyTableFiles;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.search.SearchIndex;
import org.fabrique.core.search.SearchService;
import org.fabrique.core.set.SetService;
import org.fabrique.core.signin.SignInGuard;
import org.fabrique.core.store.Store;
import org.fabrique.core.token.TokenService;
import org.fabrique.core.user.MembershipService;
import org.fabrique.core.user.PasswordHasher;
import org.fabrique.core.user.SessionService;
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
    QdaExchange qda,
    RedactionService redactions,
    ErasureService erasure,
    SessionService sessions,
    MembershipService members,
    AuditLog audit,
    TokenService tokens,
    ComparisonReports comparisons,
    SignInGuard signIns) {

  /**
   * What other modules bring to the services: the search index, the table writers and the exchange
   * of projects with other QDA software. Each can be left out; its features then fail with a
   * message saying so.
   */
  public record Adapters(
      SearchIndex searchIndex,
      MatrixExport matrixExport,
      QdaExchange.Factory qda,
      PasswordHasher passwords,
      KeyTableFiles keyTables) {

    /** No search index, no table export, no project exchange, no passwords. */
    public static Adapters none() {
      return new Adapters(
          SearchIndex.unavailable(),
          MatrixExport.unavailable(),
          QdaExchange.Factory.NONE,
          PasswordHasher.unavailable(),
          KeyTableFiles.unavailable());
    }

    public Adapters withSearch(SearchIndex index) {
      return new Adapters(index, matrixExport, qda, passwords, keyTables);
    }

    public Adapters withMatrixExport(MatrixExport export) {
      return new Adapters(searchIndex, export, qda, passwords, keyTables);
    }

    public Adapters withQda(QdaExchange.Factory factory) {
      return new Adapters(searchIndex, matrixExport, factory, passwords, keyTables);
    }

    /** The encrypted files of key tables (the store's, in the envelope of backups). */
    public Adapters withKeyTables(KeyTableFiles files) {
      return new Adapters(searchIndex, matrixExport, qda, passwords, files);
    }

    /** The hashing of passwords for accounts that sign in with one. */
    public Adapters withPasswords(PasswordHasher hasher) {
      return new Adapters(searchIndex, matrixExport, qda, hasher, keyTables);
    }
  }

  /** Wires the services on a store and a text extractor, without the adapters. */
  public static Fabrique on(Store store, TextExtractor extractor, Clock clock) {
    return on(store, extractor, clock, Adapters.none());
  }

  /** Wires the services with the exchange of projects that {@code qda} builds. */
  public static Fabrique on(
      Store store, TextExtractor extractor, Clock clock, QdaExchange.Factory qda) {
    return on(store, extractor, clock, Adapters.none().withQda(qda));
  }

  /** Wires the services with a search index and table writers. */
  public static Fabrique on(
      Store store,
      TextExtractor extractor,
      Clock clock,
      SearchIndex searchIndex,
      MatrixExport matrixExport) {
    return on(
        store,
        extractor,
        clock,
        Adapters.none().withSearch(searchIndex).withMatrixExport(matrixExport));
  }

  /** Wires every service on a store, a text extractor and the adapters. */
  public static Fabrique on(Store store, TextExtractor extractor, Clock clock, Adapters adapters) {
    AuditLog audit = new AuditLog(store, clock);
    History history = new History(store, clock, audit::applied);
    CorpusService corpus = new CorpusService(store, history, extractor, clock);
    SearchService search = new SearchService(store, adapters.searchIndex(), corpus, history, clock);
    RedactionService redactions = new RedactionService(store, corpus, clock, adapters.keyTables());
    return new Fabrique(
        store,
        history,
        new UserService(store, adapters.passwords(), audit),
        new InquiryService(store, history, clock),
        corpus,
        new CodingService(store, history, corpus, clock),
        new MemoService(store, history, clock),
        new AttributeService(store, history),
        search,
        new AnalysisService(store, corpus),
        adapters.matrixExport(),
        new JourneyService(store, history, corpus),
        new LineageService(store),
        new SetService(store, history),
        new LinkService(store, history),
        adapters.qda().on(store, history, extractor, clock),
        redactions,
        new ErasureService(store, history, corpus, search, redactions, clock),
        new SessionService(store, clock, SessionService.Policy.defaults()),
        new MembershipService(store, audit),
        audit,
        new TokenService(store, audit, clock),
        new ComparisonReports(store, clock),
        new SignInGuard(audit, clock));
  }
}
