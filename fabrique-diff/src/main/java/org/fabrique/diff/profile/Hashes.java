package org.fabrique.diff.profile;

/** 64-bit hashes of cell values and rows, stable across runs and sides. */
public final class Hashes {
  private Hashes() {}

  /** FNV-1a over the UTF-16 units, then a MurmurHash3 finaliser. */
  public static long of(String value) {
    long hash = 0xcbf29ce484222325L;
    for (int index = 0; index < value.length(); index++) {
      hash ^= value.charAt(index);
      hash *= 0x100000001b3L;
    }
    return mix(hash);
  }

  /** As {@link #of(String)}, for a range of characters. */
  public static long of(char[] text, int offset, int count) {
    long hash = 0xcbf29ce484222325L;
    for (int index = offset; index < offset + count; index++) {
      hash ^= text[index];
      hash *= 0x100000001b3L;
    }
    return mix(hash);
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

  /** Combines the hash of the next cell into the hash of a row so far. */
  public static long combine(long row, long cell) {
    return mix(row * 0x9E3779B97F4A7C15L + cell);
  }
}
