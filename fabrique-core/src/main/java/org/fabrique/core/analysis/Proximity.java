package org.fabrique.core.analysis;

import org.fabrique.core.error.InvalidInputException;

/**
 * How close two segments of the same source must be to count as co-occurring: sharing at least one
 * character, or at most a number of characters apart (overlapping segments are 0 apart).
 */
public record Proximity(int characters, boolean overlapOnly) {
  public Proximity {
    if (characters < 0) {
      throw new InvalidInputException("A distance cannot be negative: " + characters);
    }
  }

  public static Proximity overlap() {
    return new Proximity(0, true);
  }

  public static Proximity within(int characters) {
    return new Proximity(characters, false);
  }

  /** Whether two segments (of the same source) are close enough. */
  public boolean holds(CodedSegment a, CodedSegment b) {
    int gap = Math.max(a.start(), b.start()) - Math.min(a.end(), b.end());
    return overlapOnly ? gap < 0 : gap <= characters;
  }

  /** The furthest start a later segment may have to be close to one ending at {@code end}. */
  int reach(int end) {
    return overlapOnly ? end - 1 : end + characters;
  }

  public String describe() {
    return overlapOnly ? "overlapping" : "within " + characters + " characters";
  }
}
