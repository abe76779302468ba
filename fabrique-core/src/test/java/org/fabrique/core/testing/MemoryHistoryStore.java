package org.fabrique.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.history.HistoryStore;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;

/** The history in memory: lines are kept as objects, not serialised. */
final class MemoryHistoryStore implements HistoryStore {
  private final Table<Long, HistoryEntry> entries;
  private final LongSupplier ids;

  /**
   * @param ids the store's id space, which history lines share with items
   */
  MemoryHistoryStore(Journal journal, LongSupplier ids) {
    entries = new Table<>(journal);
    this.ids = ids;
  }

  @Override
  public long append(HistoryEntry entry) {
    long id = ids.getAsLong();
    entries.insert(
        id,
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
    HistoryEntry e =
        entries
            .get(entryId)
            .filter(line -> line.kind() == HistoryEntry.Kind.DO)
            .orElseThrow(
                () -> new ConflictException("History line " + entryId + " no longer exists"));
    entries.put(
        entryId,
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
  public Optional<HistoryEntry> find(long entryId) {
    return entries.get(entryId);
  }

  @Override
  public Optional<HistoryEntry> lastActive(InquiryId inquiry, UserId user) {
    return last(inquiry, user, HistoryEntry.Status.ACTIVE);
  }

  /** The DO line whose most recent UNDO line is the user's latest, while it is still undone. */
  @Override
  public Optional<HistoryEntry> lastUndone(InquiryId inquiry, UserId user) {
    return entries.values().stream()
        .filter(
            u ->
                u.inquiryId().equals(inquiry)
                    && u.userId().equals(user)
                    && u.kind() == HistoryEntry.Kind.UNDO
                    && u.status() == HistoryEntry.Status.ACTIVE)
        .sorted(Comparator.comparingLong(HistoryEntry::id).reversed())
        .map(u -> entries.get(u.target()))
        .flatMap(Optional::stream)
        .filter(h -> h.status() == HistoryEntry.Status.UNDONE)
        .findFirst();
  }

  private Optional<HistoryEntry> last(InquiryId inquiry, UserId user, HistoryEntry.Status status) {
    return entries.values().stream()
        .filter(
            e ->
                e.inquiryId().equals(inquiry)
                    && e.userId().equals(user)
                    && e.kind() == HistoryEntry.Kind.DO
                    && e.status() == status)
        .max(Comparator.comparingLong(HistoryEntry::id));
  }

  @Override
  public void discardUndone(InquiryId inquiry, UserId user) {
    for (HistoryEntry e : new ArrayList<>(entries.values())) {
      if (e.inquiryId().equals(inquiry)
          && e.userId().equals(user)
          && e.status() == HistoryEntry.Status.UNDONE) {
        update(e.id(), HistoryEntry.Status.DISCARDED, e.inverse());
      }
    }
  }

  @Override
  public List<HistoryEntry> recent(InquiryId inquiry, int limit) {
    return entries.values().stream()
        .filter(e -> e.inquiryId().equals(inquiry))
        .sorted(Comparator.comparingLong(HistoryEntry::id).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<HistoryEntry> line(long entryId) {
    return entries.get(entryId);
  }

  @Override
  public long latest(InquiryId inquiry) {
    return entries.values().stream()
        .filter(e -> e.inquiryId().equals(inquiry))
        .mapToLong(HistoryEntry::id)
        .max()
        .orElse(0);
  }

  @Override
  public int tombstone(InquiryId inquiry, Set<Long> itemIds, Operation tombstone) {
    int count = 0;
    for (HistoryEntry e : new ArrayList<>(entries.values())) {
      if (e.inquiryId().equals(inquiry)
          && (OperationItems.mentions(e.operation(), itemIds)
              || OperationItems.mentions(e.inverse(), itemIds))) {
        entries.put(
            e.id(),
            new HistoryEntry(
                e.id(),
                e.inquiryId(),
                e.userId(),
                e.at(),
                e.kind(),
                e.target(),
                e.status(),
                tombstone,
                tombstone));
        count++;
      }
    }
    return count;
  }

  @Override
  public Set<String> referencedDigests() {
    Set<String> digests = new HashSet<>();
    for (HistoryEntry e : entries.values()) {
      OperationItems.digests(e.operation(), digests);
      OperationItems.digests(e.inverse(), digests);
    }
    return digests;
  }
}
