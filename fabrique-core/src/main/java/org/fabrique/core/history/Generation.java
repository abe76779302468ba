package org.fabrique.core.history;

import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.store.Transaction;

/**
 * The generation of an inquiry: the id of the newest line of its history. Every change to an
 * inquiry, undo and redo included, goes through the history, so the generation changes whenever the
 * inquiry does; what is computed from an inquiry (its search index, its codings in memory) can be
 * kept as long as the generation it was computed at is the current one.
 */
public final class Generation {
  private Generation() {}

  /** The generation of an inquiry, 0 when its history is empty. */
  public static long of(Transaction tx, InquiryId inquiry) {
    return tx.history().recent(inquiry, 1).stream()
        .mapToLong(HistoryEntry::id)
        .findFirst()
        .orElse(0);
  }
}
