package org.fabrique.diff.align;

/**
 * The old version's rows indexed by key fingerprint: each fingerprint leads to a chain of row
 * ordinals. A chain longer than one is a duplicate key (key alignment) or a repeated row (row-hash
 * alignment).
 */
public final class KeyIndex {
  private final LongIntHashMap heads;
  private final IntColumn next = new IntColumn();
  private long duplicateKeys;

  public KeyIndex(int expectedRows) {
    heads = new LongIntHashMap(expectedRows);
  }

  /** Adds the row with the next ordinal (ordinals are 0, 1, 2, ... in call order). */
  public void add(long fingerprint) {
    int ordinal = next.size();
    int previous = heads.put(fingerprint, ordinal);
    next.add(previous);
    if (previous >= 0 && next.get(previous) < 0) {
      duplicateKeys++;
    }
  }

  /** The last row added with this fingerprint, or -1. */
  public int first(long fingerprint) {
    return heads.get(fingerprint);
  }

  /** The row added before {@code ordinal} with the same fingerprint, or -1. */
  public int next(int ordinal) {
    return next.get(ordinal);
  }

  /** Fingerprints found on more than one row. */
  public long duplicateKeys() {
    return duplicateKeys;
  }

  public int rows() {
    return next.size();
  }
}
