package org.fabrique.diff.align;

import java.util.Arrays;

/** An open-addressing map from 64-bit fingerprints to non-negative ints, without boxing. */
public final class LongIntHashMap {
  private static final int ABSENT = -1;

  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  public LongIntHashMap(int expected) {
    int capacity =
        Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected * 2L)) - 1) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(values, ABSENT);
    mask = capacity - 1;
  }

  public int size() {
    return size;
  }

  /** The value for a key, or -1. */
  public int get(long key) {
    int slot = (int) (key ^ (key >>> 32)) & mask;
    while (values[slot] != ABSENT) {
      if (keys[slot] == key) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return ABSENT;
  }

  /** Sets the value for a key and returns the previous one, or -1. */
  public int put(long key, int value) {
    if ((size + 1) * 10L > keys.length * 7L) {
      grow();
    }
    int slot = (int) (key ^ (key >>> 32)) & mask;
    while (values[slot] != ABSENT) {
      if (keys[slot] == key) {
        int previous = values[slot];
        values[slot] = value;
        return previous;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    values[slot] = value;
    size++;
    return ABSENT;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldValues.length * 2];
    Arrays.fill(values, ABSENT);
    mask = keys.length - 1;
    size = 0;
    for (int slot = 0; slot < oldKeys.length; slot++) {
      if (oldValues[slot] != ABSENT) {
        put(oldKeys[slot], oldValues[slot]);
      }
    }
  }
}
