package org.fabrique.core.journey;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.fabrique.core.attribute.AttributeStore;
import org.fabrique.core.coding.CodingStore;
import org.fabrique.core.corpus.BlobStore;
import org.fabrique.core.corpus.CorpusStore;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.exchange.GuidStore;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.history.HistoryStore;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryStore;
import org.fabrique.core.link.LinkStore;
import org.fabrique.core.memo.MemoStore;
import org.fabrique.core.set.SetStore;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;
import org.fabrique.core.user.UserStore;

/**
 * A store in memory for the journey tests: inquiries, cases, sources, history and journeys are real
 * maps; the coding, memo, attribute and user stores answer "nothing there". No rollback.
 */
public final class MemoryStore implements Store, Transaction {
  public final InMemoryJourneyStore journeys = new InMemoryJourneyStore();
  final Map<InquiryId, Inquiry> inquiries = new HashMap<>();
  final Map<CaseId, Case> cases = new HashMap<>();
  final Map<SourceId, Source> sources = new HashMap<>();
  final Map<String, byte[]> blobs = new HashMap<>();
  final List<HistoryEntry> history = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong(1000);

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    return work.apply(this);
  }

  @Override
  public BlobStore blobs() {
    return new BlobStore() {
      @Override
      public String put(java.nio.file.Path file) {
        throw new UnsupportedOperationException();
      }

      @Override
      public String put(byte[] content) {
        String digest = Integer.toHexString(java.util.Arrays.hashCode(content));
        blobs.put(digest, content);
        return digest;
      }

      @Override
      public java.io.InputStream open(String digest) {
        return new java.io.ByteArrayInputStream(blobs.get(digest));
      }

      @Override
      public byte[] read(String digest) {
        return blobs.get(digest);
      }

      @Override
      public boolean contains(String digest) {
        return blobs.containsKey(digest);
      }
    };
  }

  @Override
  public String describe() {
    return "memory";
  }

  @Override
  public void close() {}

  @Override
  public long newId() {
    return ids.incrementAndGet();
  }

  @Override
  public InquiryStore inquiries() {
    return new InquiryStore() {
      @Override
      public void insertInquiry(Inquiry inquiry) {
        inquiries.put(inquiry.id(), inquiry);
      }

      @Override
      public void updateInquiry(Inquiry inquiry) {
        inquiries.put(inquiry.id(), inquiry);
      }

      @Override
      public Optional<Inquiry> findInquiry(InquiryId id) {
        return Optional.ofNullable(inquiries.get(id));
      }

      @Override
      public List<Inquiry> listInquiries() {
        return List.copyOf(inquiries.values());
      }

      @Override
      public void insertCase(Case theCase) {
        cases.put(theCase.id(), theCase);
      }

      @Override
      public void updateCase(Case theCase) {
        cases.put(theCase.id(), theCase);
      }

      @Override
      public void deleteCase(CaseId id) {
        cases.remove(id);
      }

      @Override
      public Optional<Case> findCase(CaseId id) {
        return Optional.ofNullable(cases.get(id));
      }

      @Override
      public List<Case> listCases(InquiryId inquiry) {
        return cases.values().stream().filter(c -> c.inquiryId().equals(inquiry)).toList();
      }
    };
  }

  @Override
  public CorpusStore corpus() {
    return new CorpusStore() {
      @Override
      public void insertSource(Source source) {
        sources.put(source.id(), source);
      }

      @Override
      public void updateSource(Source source) {
        sources.put(source.id(), source);
      }

      @Override
      public void deleteSource(SourceId id) {
        sources.remove(id);
      }

      @Override
      public Optional<Source> findSource(SourceId id) {
        return Optional.ofNullable(sources.get(id));
      }

      @Override
      public List<Source> listSources(InquiryId inquiry) {
        return sources.values().stream().filter(s -> s.inquiryId().equals(inquiry)).toList();
      }

      @Override
      public List<Source> sourcesOfCase(CaseId caseId) {
        return sources.values().stream()
            .filter(s -> s.caseId().equals(Optional.of(caseId)))
            .toList();
      }

      @Override
      public void insertTurns(SourceId source, List<SpeakerTurn> turns) {}

      @Override
      public List<SpeakerTurn> turns(SourceId source) {
        return List.of();
      }

      @Override
      public void deleteTurns(SourceId source) {}

      @Override
      public Optional<String> speakerPattern(InquiryId inquiry) {
        return Optional.empty();
      }

      @Override
      public void putSpeakerPattern(InquiryId inquiry, Optional<String> pattern) {}
    };
  }

  @Override
  public HistoryStore history() {
    return new HistoryStore() {
      @Override
      public long append(HistoryEntry entry) {
        long id = history.size() + 1;
        history.add(
            new HistoryEntry(
                id,
                entry.inquiryId(),
                entry.userId(),
                entry.at(),
                entry.kind(),
                entry.target(),
                entry.status(),
                entry.operation(),
                entry.inverse()));
        return id;
      }

      @Override
      public void update(long entryId, HistoryEntry.Status status, Operation inverse) {
        HistoryEntry e = history.get((int) entryId - 1);
        history.set(
            (int) entryId - 1,
            new HistoryEntry(
                e.id(),
                e.inquiryId(),
                e.userId(),
                e.at(),
                e.kind(),
                e.target(),
                status,
                e.operation(),
                inverse));
      }

      @Override
      public Optional<HistoryEntry> lastActive(InquiryId inquiry, UserId user) {
        return last(inquiry, user, HistoryEntry.Status.ACTIVE);
      }

      @Override
      public Optional<HistoryEntry> lastUndone(InquiryId inquiry, UserId user) {
        return last(inquiry, user, HistoryEntry.Status.UNDONE);
      }

      private Optional<HistoryEntry> last(
          InquiryId inquiry, UserId user, HistoryEntry.Status status) {
        for (int i = history.size() - 1; i >= 0; i--) {
          HistoryEntry e = history.get(i);
          if (e.kind() == HistoryEntry.Kind.DO
              && e.status() == status
              && e.inquiryId().equals(inquiry)
              && e.userId().equals(user)) {
            return Optional.of(e);
          }
        }
        return Optional.empty();
      }

      @Override
      public void discardUndone(InquiryId inquiry, UserId user) {
        for (HistoryEntry e : List.copyOf(history)) {
          if (e.status() == HistoryEntry.Status.UNDONE && e.userId().equals(user)) {
            update(e.id(), HistoryEntry.Status.DISCARDED, e.inverse());
          }
        }
      }

      @Override
      public List<HistoryEntry> recent(InquiryId inquiry, int limit) {
        List<HistoryEntry> copy = new ArrayList<>(history);
        java.util.Collections.reverse(copy);
        return copy.stream().limit(limit).toList();
      }
    };
  }

  @Override
  public JourneyStore journeys() {
    return journeys;
  }

  @Override
  public CodingStore coding() {
    return nothing(CodingStore.class);
  }

  @Override
  public MemoStore memos() {
    return nothing(MemoStore.class);
  }

  @Override
  public SetStore sets() {
    return nothing(SetStore.class);
  }

  @Override
  public LinkStore links() {
    return nothing(LinkStore.class);
  }

  @Override
  public GuidStore guids() {
    return nothing(GuidStore.class);
  }

  @Override
  public org.fabrique.core.exchange.ReceivedFactStore receivedFacts() {
    return nothing(org.fabrique.core.exchange.ReceivedFactStore.class);
  }

  @Override
  public AttributeStore attributes() {
    return nothing(AttributeStore.class);
  }

  @Override
  public UserStore users() {
    return nothing(UserStore.class);
  }

  /** A store with nothing in it: finders return empty, writes are refused. */
  private static <T> T nothing(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              Class<?> returns = method.getReturnType();
              if (returns == Optional.class) {
                return Optional.empty();
              } else if (returns == List.class) {
                return List.of();
              } else if (returns == Map.class) {
                return Map.of();
              }
              throw new UnsupportedOperationException(method.getName());
            }));
  }
}
