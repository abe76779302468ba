package org.fabrique.core.history;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;

/**
 * Applies operations and keeps the append-only history, with undo and redo per user: each user
 * undoes their own actions, most recent first; a new action clears that user's redo.
 */
public final class History {
  private final Store store;
  private final Clock clock;
  private final Witness witness;

  /**
   * Who is told of each operation the history applies, in its transaction (the audit log writes
   * down deletions and purges). Undo and redo are not told.
   */
  @FunctionalInterface
  public interface Witness {
    void applied(Transaction tx, InquiryId inquiry, UserId user, Operation operation);

    /** Tells nobody. */
    Witness NONE = (tx, inquiry, user, operation) -> {};
  }

  public History(Store store, Clock clock) {
    this(store, clock, Witness.NONE);
  }

  public History(Store store, Clock clock, Witness witness) {
    this.store = store;
    this.clock = clock;
    this.witness = witness;
  }

  /** Applies an operation inside the caller's transaction and records it. */
  public void apply(Transaction tx, InquiryId inquiry, UserId user, Operation operation) {
    Operation inverse = operation.apply(tx);
    tx.history().discardUndone(inquiry, user);
    append(tx, inquiry, user, HistoryEntry.Kind.DO, 0, operation, inverse);
    witness.applied(tx, inquiry, user, operation);
  }

  /** Applies an operation in its own transaction and records it. */
  public void apply(InquiryId inquiry, UserId user, Operation operation) {
    store.inTransaction(
        tx -> {
          apply(tx, inquiry, user, operation);
          return null;
        });
  }

  /**
   * Undoes the user's most recent action in the inquiry.
   *
   * @return the undone line, or empty when there is nothing to undo
   * @throws ConflictException when later work by others prevents it
   */
  public Optional<HistoryEntry> undo(InquiryId inquiry, UserId user) {
    return store.inTransaction(
        tx -> {
          Optional<HistoryEntry> last = tx.history().lastActive(inquiry, user);
          if (last.isEmpty()) {
            return Optional.<HistoryEntry>empty();
          }
          HistoryEntry entry = last.get();
          Operation redo = entry.inverse().apply(tx);
          tx.history().update(entry.id(), HistoryEntry.Status.UNDONE, redo);
          append(tx, inquiry, user, HistoryEntry.Kind.UNDO, entry.id(), entry.inverse(), redo);
          return Optional.of(entry);
        });
  }

  /**
   * Redoes the user's most recently undone action in the inquiry.
   *
   * @return the redone line, or empty when there is nothing to redo
   */
  public Optional<HistoryEntry> redo(InquiryId inquiry, UserId user) {
    return store.inTransaction(
        tx -> {
          Optional<HistoryEntry> last = tx.history().lastUndone(inquiry, user);
          if (last.isEmpty()) {
            return Optional.<HistoryEntry>empty();
          }
          HistoryEntry entry = last.get();
          Operation inverse = entry.operation().apply(tx);
          tx.history().update(entry.id(), HistoryEntry.Status.ACTIVE, inverse);
          append(tx, inquiry, user, HistoryEntry.Kind.REDO, entry.id(), entry.operation(), inverse);
          return Optional.of(entry);
        });
  }

  private void append(
      Transaction tx,
      InquiryId inquiry,
      UserId user,
      HistoryEntry.Kind kind,
      long target,
      Operation operation,
      Operation inverse) {
    tx.history()
        .append(
            new HistoryEntry(
                0,
                inquiry,
                user,
                clock.instant(),
                kind,
                target,
                HistoryEntry.Status.ACTIVE,
                operation,
                inverse));
  }

  public List<HistoryEntry> recent(InquiryId inquiry, int limit) {
    return store.inTransaction(tx -> tx.history().recent(inquiry, limit));
  }
}
