package org.fabrique.core.history;

import java.util.List;
import java.util.Optional;

/**
 * What an undo or a redo did to the user's most recent action.
 *
 * @param entry the DO line undone or redone (or set aside)
 * @param setbacks what was left out because others changed the same items since; empty when all of
 *     it was done
 * @param setAside whether nothing could be done: the line was then set aside so that the user's
 *     earlier actions can be undone, and {@code reason} says why
 * @param reason the message of the conflict that set the line aside
 */
public record Step(
    HistoryEntry entry, List<Setback> setbacks, boolean setAside, Optional<String> reason) {
  public Step {
    setbacks = List.copyOf(setbacks);
  }

  /** Whether everything was done as asked. */
  public boolean complete() {
    return !setAside && setbacks.isEmpty();
  }
}
