package org.fabrique.core.history;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;

/** Where the history of each inquiry is kept. Lines are never deleted. */
public interface HistoryStore {

  /** Appends a line (its id is ignored) and returns its id. */
  long append(HistoryEntry entry);

  /** Changes the status and the inverse of a DO line (after an undo or a redo). */
  void update(long entryId, HistoryEntry.Status status, Operation inverse);

  /** A line by id. */
  Optional<HistoryEntry> find(long entryId);

  /** The user's most recent ACTIVE DO line in the inquiry. */
  Optional<HistoryEntry> lastActive(InquiryId inquiry, UserId user);

  /** The user's most recently undone DO line that can still be redone. */
  Optional<HistoryEntry> lastUndone(InquiryId inquiry, UserId user);

  /** Marks every UNDONE line of the user in the inquiry DISCARDED (a new action clears redo). */
  void discardUndone(InquiryId inquiry, UserId user);

  /**
   * Replaces the operation and inverse of every line of an inquiry that concerns one of the items
   * (by id: ids are unique across every kind of item) with a tombstone; the line's who and when
   * stay. The one change ever made to a recorded line: a purge.
   *
   * @return how many lines were emptied
   */
  int tombstone(InquiryId inquiry, Set<Long> itemIds, Operation tombstone);

  /** The digests of stored files that history lines of any inquiry still refer to. */
  Set<String> referencedDigests();

  /** The most recent lines of an inquiry, newest first. */
  List<HistoryEntry> recent(InquiryId inquiry, int limit);

  /** One line by its id. */
  Optional<HistoryEntry> line(long entryId);

  /**
   * The id of the inquiry's most recent line, 0 when it has none: it changes with every action,
   * undo and redo, so clients compare it to know whether what they show is still current.
   */
  long latest(InquiryId inquiry);
}
