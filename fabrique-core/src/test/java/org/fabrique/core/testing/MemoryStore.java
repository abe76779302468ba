package org.fabrique.core.testing;

import java.nio.file.Path;
import java.util.function.Function;
import org.fabrique.core.attribute.AttributeStore;
import org.fabrique.core.coding.CodingStore;
import org.fabrique.core.corpus.BlobStore;
import org.fabrique.core.corpus.CorpusStore;
import org.fabrique.core.exchange.GuidStore;
import org.fabrique.core.history.HistoryStore;
import org.fabrique.core.inquiry.InquiryStore;
import org.fabrique.core.link.LinkStore;
import org.fabrique.core.memo.MemoStore;
import org.fabrique.core.set.SetStore;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserStore;

/**
 * A store in memory for tests of services and formats: transactions are serialised and roll back
 * every change when their work throws; nested transactions join the running one. Blobs are files in
 * a folder.
 */
public final class MemoryStore implements Store, Transaction {
  private final Journal journal = new Journal();
  private final BlobStore blobs;
  private final MemoryRecordStores.Inquiries inquiries = new MemoryRecordStores.Inquiries(journal);
  private final MemoryRecordStores.Users users = new MemoryRecordStores.Users(journal);
  private final MemoryCorpusStore corpus = new MemoryCorpusStore(journal);
  private final MemoryCodingStore coding = new MemoryCodingStore(journal, corpus);
  private final MemoryRecordStores.Memos memos = new MemoryRecordStores.Memos(journal);
  private final MemoryRecordStores.Attributes attributes =
      new MemoryRecordStores.Attributes(journal);
  private final MemoryHistoryStore history = new MemoryHistoryStore(journal);
  private final MemoryRecordStores.Sets sets = new MemoryRecordStores.Sets(journal);
  private final MemoryRecordStores.Links links = new MemoryRecordStores.Links(journal);
  private final MemoryRecordStores.Guids guids = new MemoryRecordStores.Guids(journal);
  private final MemoryRecordStores.ReceivedFacts receivedFacts =
      new MemoryRecordStores.ReceivedFacts(journal);
  // Journeys are not journaled: the tests that use this store do not roll journeys back.
  private final org.fabrique.core.journey.InMemoryJourneyStore journeys =
      new org.fabrique.core.journey.InMemoryJourneyStore();
  private long nextId = 1;
  private int depth;

  public MemoryStore(Path blobFolder) {
    this.blobs = new DirectoryBlobStore(blobFolder);
  }

  @Override
  public synchronized <T> T inTransaction(Function<Transaction, T> work) {
    if (depth > 0) {
      return work.apply(this);
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
  public void close() {}

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
  public org.fabrique.core.exchange.ReceivedFactStore receivedFacts() {
    return receivedFacts;
  }

  @Override
  public org.fabrique.core.journey.JourneyStore journeys() {
    return journeys;
  }
}
