package org.fabrique.diff.align;

import org.fabrique.diff.profile.Hashes;

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
    LongIntHashMap seen = new LongIntHashMap(limit + 1);
    for (int index = 0; index < size; index++) {
      // Mixed (one to one) for the map, which expects keys as spread as fingerprints are.
      seen.put(Hashes.mix(get(index)), 0);
      if (seen.size() > limit) {
        return true;
      }
    }
    return false;
  }
}
