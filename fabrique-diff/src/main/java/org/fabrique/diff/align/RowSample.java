package org.fabrique.diff.align;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.fabrique.diff.profile.Hashes;
import org.fabrique.diff.read.CellBatch;

/**
 * The full text of a bounded, uniform sample of rows, chosen by key fingerprint so that the same
 * keys are sampled in both versions. All rows are kept while there are few; past the limit, the
 * sampling rate halves as often as needed.
 *
 * <p>A row is kept as one string ({@link CellBatch#packedRow}) rather than a string per cell: the
 * sample lives through the whole pass, and every collection copies it.
 */
public final class RowSample {
  private final int limit;
  private final Map<Long, String> rows = new HashMap<>();
  private int level;

  public RowSample(int limit) {
    this(limit, 0);
  }

  /**
   * @param expectedRows the rows expected to be offered (an estimate): the sampling rate starts a
   *     halving above where that many rows would take it, so that most rows it would let go later
   *     are never copied, and a twofold overestimate still leaves the sample its full size
   */
  public RowSample(int limit, long expectedRows) {
    this.limit = limit;
    while (level < 62 && expectedRows >> (level + 2) >= limit) {
      level++;
    }
  }

  private boolean selected(long fingerprint) {
    return level == 0 || Hashes.mix(fingerprint ^ 0x51A3L) >>> (64 - level) == 0;
  }

  /** Offers a row of a batch; its text is copied only when it is selected. */
  public void offer(long fingerprint, CellBatch batch, int row) {
    if (!selected(fingerprint)) {
      return;
    }
    rows.put(fingerprint, batch.packedRow(row));
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
    return Optional.ofNullable(rows.get(fingerprint)).map(CellBatch::unpackRow);
  }

  /** The share of rows sampled. */
  public double rate() {
    return 1.0 / (1L << level);
  }
}
