package org.fabrique.core.history;

import java.time.Instant;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;

/**
 * One line of an inquiry's append-only history: who did what, when, and how to undo it.
 *
 * @param kind whether this line records an action, the undo of one or its redo
 * @param target for UNDO and REDO lines, the id of the DO line they concern; 0 otherwise
 * @param status for DO lines, whether the action is in effect, undone, or undone and no longer
 *     redoable, or set aside (in effect, but nothing of it could be undone)
 */
public record HistoryEntry(
    long id,
    InquiryId inquiryId,
    UserId userId,
    Instant at,
    Kind kind,
    long target,
    Status status,
    Operation operation,
    Operation inverse) {

  public String description() {
    return operation.describe();
  }

  /** What a history line records. */
  public enum Kind {
    DO,
    UNDO,
    REDO
  }

  /** The state of an action. */
  public enum Status {
    ACTIVE,
    UNDONE,
    DISCARDED,
    /**
     * In effect, but no longer undoable: others changed its items so that nothing of it could be
     * undone, and it was set aside so that the user's earlier actions can still be undone.
     */
    SET_ASIDE
  }
}
