package org.fabrique.diff.align;

/** A growable column of ints stored in fixed-size chunks (no large copies when it grows). */
public final class IntColumn {
  private static final int SHIFT = 16;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;

  private int[][] chunks = new int[16][];
  private int size;

  public void add(int value) {
    int chunk = size >>> SHIFT;
    if (chunk == chunks.length) {
      chunks = java.util.Arrays.copyOf(chunks, chunks.length * 2);
    }
    if (chunks[chunk] == null) {
      chunks[chunk] = new int[CHUNK];
    }
    chunks[chunk][size & MASK] = value;
    size++;
  }

  public int get(int index) {
    return chunks[index >>> SHIFT][index & MASK];
  }

  public void set(int index, int value) {
    chunks[index >>> SHIFT][index & MASK] = value;
  }

  public int size() {
    return size;
  }

  /**
   * Whether the column holds more than {@code limit} distinct ints; reads only as far as it takes
   * to tell.
   */
  public boolean holdsMoreDistinctThan(int limit) {
    int capacity = Integer.highestOneBit(Math.max(16, limit) * 2 - 1) << 1;
    // Open addressing; 0 marks a free slot, and the int 0 itself is noted apart.
    int[] slots = new int[capacity];
    int mask = capacity - 1;
    int distinct = 0;
    boolean zero = false;
    for (int index = 0; index < size; index++) {
      int value = get(index);
      if (value == 0) {
        if (!zero) {
          zero = true;
          distinct++;
        }
      } else {
        int slot = (value ^ value >>> 16) * 0x45d9f3b & mask;
        int held;
        while ((held = slots[slot]) != 0 && held != value) {
          slot = (slot + 1) & mask;
        }
        if (held == 0) {
          slots[slot] = value;
          distinct++;
        }
      }
      if (distinct > limit) {
        return true;
      }
    }
    return false;
  }
}
