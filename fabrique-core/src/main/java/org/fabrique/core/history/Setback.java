package org.fabrique.core.history;

import org.fabrique.core.memo.ItemRef;

/**
 * A part of an undo or a redo that was left out because others changed the same items since; the
 * rest was done. Told to the user with the undo (web message, API, command line).
 *
 * @param item what it concerns
 * @param reason why it was left out or done differently
 */
public record Setback(ItemRef item, Reason reason) {

  /** Why a part of an undo or redo was left out. */
  public enum Reason {
    /** Someone else has changed it since: it is left as they made it. */
    CHANGED_SINCE,
    /** It no longer exists: someone else deleted it since. */
    DELETED_SINCE,
    /** The same is already there: someone else did it again since. */
    ALREADY_THERE,
    /** Its parent was deleted since: it was put back at the top level. */
    PUT_AT_TOP,
    /**
     * Nothing of the action could be undone (its own message says why); it was set aside so that
     * the user's earlier actions can still be undone.
     */
    SET_ASIDE
  }
}
