package org.fabrique.core.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import org.fabrique.core.Fabrique;
import org.fabrique.core.attribute.AttributeStore;
import org.fabrique.core.audit.AuditStore;
import org.fabrique.core.coding.CodingStore;
import org.fabrique.core.corpus.BlobStore;
import org.fabrique.core.corpus.CorpusStore;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.exchange.GuidStore;
import org.fabrique.core.exchange.ReceivedFactStore;
import org.fabrique.core.history.HistoryStore;
import org.fabrique.core.inquiry.InquiryStore;
import org.fabrique.core.journey.JourneyStore;
import org.fabrique.core.link.LinkStore;
import org.fabrique.core.memo.MemoStore;
import org.fabrique.core.redaction.RedactionStore;
import org.fabrique.core.set.SetStore;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.token.TokenStore;
import org.fabrique.core.user.MembershipStore;
import org.fabrique.core.user.SessionStore;
import org.fabrique.core.user.UserStore;

/**
 * A store in memory for tests of services and formats: transactions are serialised and roll back
 * every change when their work throws; nested transactions join the running one. Blobs are files in
 * a folder. It is held to the contract suites of fabrique-store ({@code Memory*Test} there), so a
 * test that passes on it passes on SQLite and PostgreSQL.
 */
public final class MemoryStore implements Store, Transaction {
  private final Journal journal = new Journal();
  private final BlobStore blobs;
  private final MemoryCorpusStore corpus = new MemoryCorpusStore(journal);
  private final MemoryRecordStores.Inquiries inquiries =
      new MemoryRecordStores.Inquiries(
          journal, id -> corpus.values().anyMatch(s -> s.caseId().equals(Optional.of(id))));
  private final MemoryUserStores.Users users = new MemoryUserStores.Users(journal);
  private final MemoryCodingStore coding = new MemoryCodingStore(journal, corpus);
  private final MemoryRecordStores.Memos memos = new MemoryRecordStores.Memos(journal);
  private final MemoryRecordStores.Attributes attributes =
      new MemoryRecordStores.Attributes(journal);
  private final MemoryHistoryStore history = new MemoryHistoryStore(journal, this::newId);
  private final MemoryExchangeStores.Sets sets = new MemoryExchangeStores.Sets(journal);
  private final MemoryExchangeStores.Links links = new MemoryExchangeStores.Links(journal);
  private final MemoryExchangeStores.Guids guids = new MemoryExchangeStores.Guids(journal);
  private final MemoryExchangeStores.ReceivedFacts receivedFacts =
      new MemoryExchangeStores.ReceivedFacts(journal, id -> inquiries.findInquiry(id).isPresent());
  private final MemoryJourneyStore journeys =
      new MemoryJourneyStore(
          journal,
          id -> inquiries.findInquiry(id).isPresent(),
          id -> corpus.findSource(id).isPresent());
  private final MemoryRedactionStore redactions = new MemoryRedactionStore();
  private final MemoryUserStores.Sessions sessions = new MemoryUserStores.Sessions(journal);
  private final MemoryUserStores.Memberships memberships =
      new MemoryUserStores.Memberships(
          journal, id -> inquiries.findInquiry(id).isPresent(), id -> users.find(id).isPresent());
  private final MemoryAuditStore audit = new MemoryAuditStore(journal);
  private final MemoryTokenStore tokens =
      new MemoryTokenStore(journal, id -> users.find(id).isPresent());
  private long nextId = 1;
  private int depth;
  private boolean closed;

  public MemoryStore(Path blobFolder) {
    this.blobs = new DirectoryBlobStore(blobFolder);
    corpus.inquiriesFrom(id -> inquiries.findInquiry(id).isPresent());
    corpus.referencedBy(id -> coding.hasSegments(id) || !journeys.evidenceInSource(id).isEmpty());
  }

  /**
   * The services of Fabrique on a new memory store with its blobs in {@code blobFolder}, at a fixed
   * instant, reading imported files as plain text.
   */
  public static Fabrique fabrique(Path blobFolder, Instant now) {
    return Fabrique.on(
        new MemoryStore(blobFolder), new PlainTextFiles(), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Override
  public synchronized <T> T inTransaction(Function<Transaction, T> work) {
    if (depth > 0) {
      return work.apply(this);
    }
    if (closed) {
      throw new StorageException("The database is closed");
    }
    journal.begin();
    depth++;
    long idsBefore = nextId;
    try {
      T result = work.apply(this);
      journal.commit();
      return result;
    } catch (RuntimeException | Error e) {
      journal.rollback();
      nextId = idsBefore;
      throw e;
    } finally {
      depth--;
    }
  }

  @Override
  public BlobStore blobs() {
    return blobs;
  }

  @Override
  public String describe() {
    return "memory store";
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  /** The same data after {@link #close()}, as a database file opened again would give them. */
  public synchronized MemoryStore reopened() {
    closed = false;
    return this;
  }

  @Override
  public long newId() {
    return nextId++;
  }

  @Override
  public InquiryStore inquiries() {
    return inquiries;
  }

  @Override
  public UserStore users() {
    return users;
  }

  @Override
  public CorpusStore corpus() {
    return corpus;
  }

  @Override
  public CodingStore coding() {
    return coding;
  }

  @Override
  public MemoStore memos() {
    return memos;
  }

  @Override
  public AttributeStore attributes() {
    return attributes;
  }

  @Override
  public HistoryStore history() {
    return history;
  }

  @Override
  public SetStore sets() {
    return sets;
  }

  @Override
  public LinkStore links() {
    return links;
  }

  @Override
  public GuidStore guids() {
    return guids;
  }

  @Override
  public ReceivedFactStore receivedFacts() {
    return receivedFacts;
  }

  @Override
  public JourneyStore journeys() {
    return journeys;
  }

  @Override
  public RedactionStore redactions() {
    return redactions;
  }

  @Override
  public SessionStore sessions() {
    return sessions;
  }

  @Override
  public MembershipStore memberships() {
    return memberships;
  }

  @Override
  public AuditStore audit() {
    return audit;
  }

  @Override
  public TokenStore tokens() {
    return tokens;
  }
}
