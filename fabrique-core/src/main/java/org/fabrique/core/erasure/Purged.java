package org.fabrique.core.erasure;

import java.util.List;
import java.util.Map;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.history.Operation;
import org.fabrique.core.store.Transaction;

/**
 * What a history line holds once the material it concerned was purged: a tombstone without content.
 * It can be neither undone nor redone.
 *
 * @param what which items were purged, by kind and id ("source 12"), never their content
 * @param on the date of the purge (ISO-8601)
 */
public record Purged(String what, String on) implements Operation {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(Map.entry("history.purged", Purged.class), Map.entry("history.purge", Purge.class));

  /**
   * The line that records a purge in the history. The erasure service does the work in the same
   * transaction; applying the line changes nothing, and it cannot be undone.
   */
  public record Purge(String what, String on) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new Purged(what, on);
    }

    @Override
    public String describe() {
      return "Purged " + what;
    }
  }

  @Override
  public Operation apply(Transaction tx) {
    throw new ConflictException(
        "This change concerned material purged on "
            + on
            + " ("
            + what
            + "); it can no longer be undone or redone");
  }

  @Override
  public String describe() {
    return "Purged content (" + what + ")";
  }
}
