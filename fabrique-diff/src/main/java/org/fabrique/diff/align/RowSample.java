package org.fabrique.diff.align;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.fabrique.diff.profile.Hashes;

/**
 * The full text of a bounded, uniform sample of rows, chosen by key fingerprint so that the same
 * keys are sampled in both versions. All rows are kept while there are few; past the limit, the
 * sampling rate halves as often as needed.
 */
public final class RowSample {
  private final int limit;
  private final Map<Long, String[]> rows = new HashMap<>();
  private int level;

  public RowSample(int limit) {
    this.limit = limit;
  }

  private boolean selected(long fingerprint) {
    return level == 0 || Hashes.mix(fingerprint ^ 0x51A3L) >>> (64 - level) == 0;
  }

  /** Offers a row; it is made (by {@code cells}) only when it is selected. */
  public void offer(long fingerprint, java.util.function.Supplier<String[]> cells) {
    if (!selected(fingerprint)) {
      return;
    }
    rows.put(fingerprint, cells.get());
    while (rows.size() > limit) {
      level++;
      Iterator<Long> keys = rows.keySet().iterator();
      while (keys.hasNext()) {
        if (!selected(keys.next())) {
          keys.remove();
        }
      }
    }
  }

  public Optional<String[]> row(long fingerprint) {
    return Optional.ofNullable(rows.get(fingerprint));
  }

  /** The share of rows sampled. */
  public double rate() {
    return 1.0 / (1L << level);
  }
}
