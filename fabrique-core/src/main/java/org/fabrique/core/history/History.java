package org.fabrique.core.history;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.fabrique.core.error.ConcurrentChangeException;
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
   * Undoes the user's most recent action in the inquiry, as far as others' later work allows: what
   * they changed since is left as they made it and listed in the step's setbacks. When nothing of
   * the action can be undone, it is set aside (its line marked so) and the step says why, so that
   * the user's earlier actions can still be undone.
   *
   * @return what was undone, or empty when there is nothing to undo
   */
  public Optional<Step> undo(InquiryId inquiry, UserId user) {
    AtomicLong tried = new AtomicLong();
    try {
      return store.inTransaction(
          tx -> {
            Optional<HistoryEntry> last = tx.history().lastActive(inquiry, user);
            if (last.isEmpty()) {
              return Optional.<Step>empty();
            }
            HistoryEntry entry = last.get();
            tried.set(entry.id());
            Setbacks setbacks = new Setbacks(user);
            Operation redo = entry.inverse().applyLeniently(tx, setbacks);
            tx.history().update(entry.id(), HistoryEntry.Status.UNDONE, redo);
            append(tx, inquiry, user, HistoryEntry.Kind.UNDO, entry.id(), entry.inverse(), redo);
            return Optional.of(new Step(entry, setbacks.list(), false, Optional.empty()));
          });
    } catch (ConflictException conflict) {
      return setAside(inquiry, user, tried.get(), HistoryEntry.Status.SET_ASIDE, conflict);
    }
  }

  /**
   * Redoes the user's most recently undone action in the inquiry, as far as others' later work
   * allows (as {@link #undo}); an action of which nothing can be redone any more is no longer
   * offered for redo.
   *
   * @return what was redone, or empty when there is nothing to redo
   */
  public Optional<Step> redo(InquiryId inquiry, UserId user) {
    AtomicLong tried = new AtomicLong();
    try {
      return store.inTransaction(
          tx -> {
            Optional<HistoryEntry> last = tx.history().lastUndone(inquiry, user);
            if (last.isEmpty()) {
              return Optional.<Step>empty();
            }
            HistoryEntry entry = last.get();
            tried.set(entry.id());
            Setbacks setbacks = new Setbacks(user);
            Operation inverse = entry.operation().applyLeniently(tx, setbacks);
            tx.history().update(entry.id(), HistoryEntry.Status.ACTIVE, inverse);
            append(
                tx, inquiry, user, HistoryEntry.Kind.REDO, entry.id(), entry.operation(), inverse);
            return Optional.of(new Step(entry, setbacks.list(), false, Optional.empty()));
          });
    } catch (ConflictException conflict) {
      return setAside(inquiry, user, tried.get(), HistoryEntry.Status.DISCARDED, conflict);
    }
  }

  /**
   * Marks a line that could not be undone (or redone) at all, so that it no longer blocks the
   * user's other lines; the conflict's message says why.
   */
  private Optional<Step> setAside(
      InquiryId inquiry,
      UserId user,
      long entryId,
      HistoryEntry.Status status,
      ConflictException conflict) {
    if (entryId == 0 || conflict instanceof ConcurrentChangeException) {
      throw conflict;
    }
    return store.inTransaction(
        tx -> {
          HistoryEntry.Status expected =
              status == HistoryEntry.Status.SET_ASIDE
                  ? HistoryEntry.Status.ACTIVE
                  : HistoryEntry.Status.UNDONE;
          Optional<HistoryEntry> entry =
              tx.history()
                  .find(entryId)
                  .filter(e -> e.userId().equals(user) && e.status() == expected);
          if (entry.isEmpty()) {
            throw conflict;
          }
          tx.history().update(entryId, status, entry.get().inverse());
          return Optional.of(
              new Step(entry.get(), List.of(), true, Optional.ofNullable(conflict.getMessage())));
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

  /** The action that {@link #undo} would undo now for this user, if any. */
  public Optional<HistoryEntry> nextUndo(InquiryId inquiry, UserId user) {
    return store.inTransaction(tx -> tx.history().lastActive(inquiry, user));
  }

  /** The action that {@link #redo} would redo now for this user, if any. */
  public Optional<HistoryEntry> nextRedo(InquiryId inquiry, UserId user) {
    return store.inTransaction(tx -> tx.history().lastUndone(inquiry, user));
  }

  /** One line of history by its id. */
  public Optional<HistoryEntry> line(long entryId) {
    return store.inTransaction(tx -> tx.history().line(entryId));
  }

  /** The id of the inquiry's most recent line (0 when none): the version of what it holds. */
  public long version(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.history().latest(inquiry));
  }

  public List<HistoryEntry> recent(InquiryId inquiry, int limit) {
    return store.inTransaction(tx -> tx.history().recent(inquiry, limit));
  }
}
