package org.fabrique.diff.profile;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A uniform sample of at most {@link #SIZE} numbers from a stream of unknown length (reservoir
 * sampling, Li's algorithm L): once the reservoir is full, the number of values to skip before the
 * next one taken is drawn in advance, so that a value not taken costs a comparison rather than a
 * random draw, and its text need not even be parsed.
 */
final class NumberReservoir {
  static final int SIZE = 4_096;

  private final double[] values = new double[SIZE];
  private final SplittableRandom random = new SplittableRandom(0x5EED);
  private long seen;
  private long nextTaken;
  private double weight;

  /** Counts one more number and returns the slot it takes, or -1 when it is not taken. */
  int slot() {
    long count = seen++;
    if (count < SIZE) {
      if (count == SIZE - 1) {
        weight = Math.exp(Math.log(uniform()) / SIZE);
        nextTaken = SIZE + skip();
      }
      return (int) count;
    }
    if (count < nextTaken) {
      return -1;
    }
    weight *= Math.exp(Math.log(uniform()) / SIZE);
    nextTaken = count + 1 + skip();
    return random.nextInt(SIZE);
  }

  /** Puts a number in the slot {@link #slot} gave it. */
  void put(int slot, double value) {
    values[slot] = value;
  }

  /** The numbers sampled, sorted. */
  double[] sorted() {
    double[] sample = Arrays.copyOf(values, (int) Math.min(seen, SIZE));
    Arrays.sort(sample);
    return sample;
  }

  /** Values to pass over before the next one enters the reservoir. */
  private long skip() {
    double skipped = Math.floor(Math.log(uniform()) / Math.log1p(-weight));
    return skipped >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) skipped;
  }

  /** A uniform draw in (0, 1]. */
  private double uniform() {
    return 1.0 - random.nextDouble();
  }
}
