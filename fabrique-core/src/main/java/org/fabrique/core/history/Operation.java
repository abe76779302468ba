package org.fabrique.core.history;

import org.fabrique.core.store.Transaction;

/**
 * A change to an inquiry as a serialisable intent. Operations are records registered in {@link
 * OperationTypes} under a stable type id; they are stored in the history with the operation that
 * undoes them.
 */
public interface Operation {

  /**
   * Applies the change inside a transaction.
   *
   * @return the operation that undoes exactly this change, computed from the state it replaced
   * @throws org.fabrique.core.error.ConflictException when the state no longer allows the change
   */
  Operation apply(Transaction tx);

  /** A short English description for the history; never quotes field material. */
  String describe();

  /** The stable type id under which this operation is stored. */
  default String type() {
    return OperationTypes.idOf(getClass());
  }
}
