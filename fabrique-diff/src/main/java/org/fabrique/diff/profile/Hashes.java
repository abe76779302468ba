package org.fabrique.diff.profile;

/** 64-bit hashes of cell values and rows, stable across runs and sides. */
public final class Hashes {
  private Hashes() {}

  public static final long SEED = 0xcbf29ce484222325L;
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  /**
   * The UTF-16 units taken four at a time as 64-bit words, each folded in with a rotation and a
   * multiplication (one dependent multiplication per four characters rather than per character),
   * then the length and a MurmurHash3 finaliser.
   */
  public static long of(String value) {
    int count = value.length();
    long hash = SEED;
    int index = 0;
    for (; index + 4 <= count; index += 4) {
      hash =
          step(
              hash,
              word(
                  value.charAt(index),
                  value.charAt(index + 1),
                  value.charAt(index + 2),
                  value.charAt(index + 3)));
    }
    if (index < count) {
      long tail = 0;
      for (int shift = 0; index < count; index++, shift += 16) {
        tail |= (long) value.charAt(index) << shift;
      }
      hash = step(hash, tail);
    }
    return finish(hash, count);
  }

  /** As {@link #of(String)}, for a range of characters. */
  public static long of(char[] text, int offset, int count) {
    long hash = SEED;
    int index = offset;
    int end = offset + count;
    for (; index + 4 <= end; index += 4) {
      hash = step(hash, word(text[index], text[index + 1], text[index + 2], text[index + 3]));
    }
    if (index < end) {
      hash = step(hash, tail(text, index, end));
    }
    return finish(hash, count);
  }

  /** Four characters as one word, the first in the low bits. */
  public static long word(char c0, char c1, char c2, char c3) {
    return c0 | (long) c1 << 16 | (long) c2 << 32 | (long) c3 << 48;
  }

  /** The last one to three characters of a range as one word, as {@link #word} would pack them. */
  public static long tail(char[] text, int index, int end) {
    long tail = 0;
    for (int at = index, shift = 0; at < end; at++, shift += 16) {
      tail |= (long) text[at] << shift;
    }
    return tail;
  }

  /** Folds one word into a running hash. */
  public static long step(long hash, long word) {
    return (Long.rotateLeft(hash, 23) ^ word) * MULTIPLIER;
  }

  /** The hash of a value from its running hash and its length in characters. */
  public static long finish(long hash, int count) {
    return mix(hash ^ count);
  }

  public static long mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
