package org.fabrique.diff.profile;

import java.util.Arrays;

/**
 * A k-minimum-values sketch of a set of 64-bit hashes: estimates the number of distinct values and
 * the overlap (Jaccard similarity) of two sets in fixed memory.
 */
public final class DistinctSketch {
  private static final int K = 1024;

  private final long[] minima = new long[K];
  private int size;

  /** Adds a hash; values are compared as unsigned. */
  public void add(long hash) {
    long value = hash ^ Long.MIN_VALUE;
    if (size == K && value >= minima[K - 1]) {
      return;
    }
    int position = Arrays.binarySearch(minima, 0, size, value);
    if (position >= 0) {
      return;
    }
    int insertion = -position - 1;
    int moved = Math.min(size, K - 1) - insertion;
    if (moved > 0) {
      System.arraycopy(minima, insertion, minima, insertion + 1, moved);
    }
    minima[insertion] = value;
    if (size < K) {
      size++;
    }
  }

  public boolean isExact() {
    return size < K;
  }

  public long estimate() {
    if (size < K) {
      return size;
    }
    double kth = (minima[K - 1] - (double) Long.MIN_VALUE) / Math.pow(2, 64);
    return Math.round((K - 1) / kth);
  }

  /** Estimated Jaccard similarity of the two sets. */
  public double jaccard(DistinctSketch other) {
    if (size == 0 && other.size == 0) {
      return 1;
    }
    int i = 0;
    int j = 0;
    int union = 0;
    int both = 0;
    int limit = Math.min(K, size + other.size);
    while (union < limit && (i < size || j < other.size)) {
      if (j >= other.size || (i < size && minima[i] < other.minima[j])) {
        i++;
      } else if (i >= size || other.minima[j] < minima[i]) {
        j++;
      } else {
        both++;
        i++;
        j++;
      }
      union++;
    }
    return union == 0 ? 0 : both / (double) union;
  }
}
