package org.fabrique.bench.concurrency;

import java.util.List;
import java.util.Optional;

/**
 * What one coder of the benchmark does, by ids: through the services ({@link ServiceActions}) or
 * through the JSON API as a signed-in user ({@link HttpActions}). Refusals are thrown as the
 * exceptions of core: {@code ConflictException} (409), {@code ConcurrentChangeException} (409 after
 * the store's retries), {@code InvalidInputException} (400), {@code NotFoundException} (404).
 */
interface Actions {

  /** Codes a passage of a source; returns the coding's id. */
  long code(long source, int start, int end, long code);

  void recode(long coding, long code);

  void removeCoding(long coding);

  void renameCode(long code, String name);

  /** Moves a code under a parent (none: top level) at a position among its siblings. */
  void moveCode(long code, Optional<Long> parent, int position);

  /** Writes a memo about a code; returns the memo's id. */
  long writeMemo(long aboutCode, String body);

  void updateMemo(long memo, String body);

  /** Creates a top-level code; returns its id. */
  long createCode(String name);

  void deleteCode(long code);

  /** Undoes the coder's latest action; empty when there was nothing to undo. */
  Optional<Undone> undo();

  /**
   * What an undo did: set aside (nothing of the action could be undone), or undone with the ids of
   * the items others changed since and that were left as they made them.
   */
  record Undone(boolean setAside, List<Long> setbacks) {}
}
