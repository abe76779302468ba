package org.fabrique.diff.align;

/** A growable column of longs stored in fixed-size chunks. */
public final class LongColumn {
  private static final int SHIFT = 16;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;

  private long[][] chunks = new long[16][];
  private int size;

  public void add(long value) {
    int chunk = size >>> SHIFT;
    if (chunk == chunks.length) {
      chunks = java.util.Arrays.copyOf(chunks, chunks.length * 2);
    }
    if (chunks[chunk] == null) {
      chunks[chunk] = new long[CHUNK];
    }
    chunks[chunk][size & MASK] = value;
    size++;
  }

  public long get(int index) {
    return chunks[index >>> SHIFT][index & MASK];
  }

  public int size() {
    return size;
  }
}
