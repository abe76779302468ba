package org.fabrique.diff.align;

/**
 * An open-addressing map from 64-bit fingerprints to non-negative ints, without boxing. Each key
 * and its value share one pair of adjacent longs, so a probe of a large map costs one cache miss.
 */
public final class LongIntHashMap {
  private static final int ABSENT = -1;

  /** Slot {@code s}: key at {@code 2s}, value at {@code 2s + 1} ({@link #ABSENT} when free). */
  private long[] table;

  private int size;
  private int mask;

  public LongIntHashMap(int expected) {
    // The smallest power of two that holds the expected keys at a load of at most 0.7.
    long wanted = Math.max(16, Math.min(1L << 29, (long) Math.ceil(expected / 0.7)));
    int capacity = Integer.highestOneBit((int) wanted - 1) << 1;
    allocate(capacity);
  }

  private void allocate(int capacity) {
    table = new long[capacity * 2];
    for (int slot = 1; slot < table.length; slot += 2) {
      table[slot] = ABSENT;
    }
    mask = capacity - 1;
  }

  public int size() {
    return size;
  }

  /** The value for a key, or -1. */
  public int get(long key) {
    long[] entries = table;
    int slot = (int) (key ^ (key >>> 32)) & mask;
    long value;
    while ((value = entries[2 * slot + 1]) != ABSENT) {
      if (entries[2 * slot] == key) {
        return (int) value;
      }
      slot = (slot + 1) & mask;
    }
    return ABSENT;
  }

  /** Sets the value for a key and returns the previous one, or -1. */
  public int put(long key, int value) {
    if ((size + 1) * 10L > (mask + 1L) * 7L) {
      grow();
    }
    long[] entries = table;
    int slot = (int) (key ^ (key >>> 32)) & mask;
    long previous;
    while ((previous = entries[2 * slot + 1]) != ABSENT) {
      if (entries[2 * slot] == key) {
        entries[2 * slot + 1] = value;
        return (int) previous;
      }
      slot = (slot + 1) & mask;
    }
    entries[2 * slot] = key;
    entries[2 * slot + 1] = value;
    size++;
    return ABSENT;
  }

  private void grow() {
    long[] old = table;
    allocate((mask + 1) * 2);
    size = 0;
    for (int slot = 0; slot < old.length; slot += 2) {
      if (old[slot + 1] != ABSENT) {
        put(old[slot], (int) old[slot + 1]);
      }
    }
  }
}
