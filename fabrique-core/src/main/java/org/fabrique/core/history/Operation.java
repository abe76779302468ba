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

  /**
   * Applies the change as an undo or a redo, when others may have changed the same items since:
   * what can still be done is done, and what can no longer be done is left out and told to {@code
   * setbacks}. By default the change is applied whole, and a conflict sets the action aside.
   *
   * @return the operation that undoes what was done
   * @throws org.fabrique.core.error.ConflictException when nothing of the change can be done
   */
  default Operation applyLeniently(Transaction tx, Setbacks setbacks) {
    return apply(tx);
  }

  /** A short English description for the history; never quotes field material. */
  String describe();

  /** The stable type id under which this operation is stored. */
  default String type() {
    return OperationTypes.idOf(getClass());
  }
}
