package org.fabrique.core.history;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;

/** Where the history of each inquiry is kept. Lines are never deleted. */
public interface HistoryStore {

  /** Appends a line (its id is ignored) and returns its id. */
  long append(HistoryEntry entry);

  /** Changes the status and the inverse of a DO line (after an undo or a redo). */
  void update(long entryId, HistoryEntry.Status status, Operation inverse);

  /** The user's most recent ACTIVE DO line in the inquiry. */
  Optional<HistoryEntry> lastActive(InquiryId inquiry, UserId user);

  /** The user's most recently undone DO line that can still be redone. */
  Optional<HistoryEntry> lastUndone(InquiryId inquiry, UserId user);

  /** Marks every UNDONE line of the user in the inquiry DISCARDED (a new action clears redo). */
  void discardUndone(InquiryId inquiry, UserId user);

  /** The most recent lines of an inquiry, newest first. */
  List<HistoryEntry> recent(InquiryId inquiry, int limit);
}
