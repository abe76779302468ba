package org.fabrique.diff.detect;

import java.util.Arrays;
import java.util.function.BiConsumer;

/** An open-addressing map from longs to longs, keys mixed before probing; no boxing. */
final class LongLongMap {
  private long[] keys;
  private long[] values;
  private boolean[] used;
  private int size;

  LongLongMap() {
    keys = new long[64];
    values = new long[64];
    used = new boolean[64];
  }

  int size() {
    return size;
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int slot = (int) org.fabrique.diff.profile.Hashes.mix(key) & mask;
    while (used[slot] && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** The value of {@code key}, or {@code missing}. */
  long get(long key, long missing) {
    int slot = slot(key);
    return used[slot] ? values[slot] : missing;
  }

  /** Adds {@code delta} to the value of {@code key} (absent keys start at 0). */
  void add(long key, long delta) {
    int slot = slot(key);
    if (!used[slot]) {
      used[slot] = true;
      keys[slot] = key;
      size++;
      values[slot] = delta;
      if (size * 2 > keys.length) {
        grow();
      }
      return;
    }
    values[slot] += delta;
  }

  /** Puts a value only when the key is absent; returns the value now held. */
  long putIfAbsent(long key, long value) {
    int slot = slot(key);
    if (used[slot]) {
      return values[slot];
    }
    used[slot] = true;
    keys[slot] = key;
    values[slot] = value;
    size++;
    if (size * 2 > keys.length) {
      grow();
    }
    return value;
  }

  void clear() {
    Arrays.fill(used, false);
    size = 0;
  }

  void forEach(BiConsumer<Long, Long> action) {
    for (int slot = 0; slot < keys.length; slot++) {
      if (used[slot]) {
        action.accept(keys[slot], values[slot]);
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    for (int slot = 0; slot < oldKeys.length; slot++) {
      if (oldUsed[slot]) {
        int target = slot(oldKeys[slot]);
        used[target] = true;
        keys[target] = oldKeys[slot];
        values[target] = oldValues[slot];
      }
    }
  }
}
