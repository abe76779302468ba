package org.fabrique.diff.detect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.diff.read.ValueSyntax;

/** A way of replacing a value by a coarser one, tested on each edited cell. */
public enum GeneralisationRule {
  DATE_TO_MONTH(1) {
    @Override
    boolean explains(String old, String replacement) {
      return ValueSyntax.isIsoDate(old)
          && (prefixOf(old, replacement, 7)
              || replacement.length() == 10
                  && old.regionMatches(0, replacement, 0, 8)
                  && replacement.startsWith("01", 8)
                  && !old.startsWith("01", 8));
    }
  },
  DATE_TO_YEAR(2) {
    @Override
    boolean explains(String old, String replacement) {
      // Compared in place: this runs for every changed date, and a substring per call was a fifth
      // of what the detectors allocate.
      return ValueSyntax.isIsoDate(old)
          && (replacement.length() == 4 && old.startsWith(replacement)
              || replacement.length() == 10
                  && old.regionMatches(0, replacement, 0, 5)
                  && replacement.startsWith("01-01", 5));
    }
  },
  NUMBER_TO_BAND(1) {
    @Override
    boolean explains(String old, String replacement) {
      if (!ValueSyntax.isNumber(old)) {
        return false;
      }
      Optional<ValueShapes.Band> band = ValueShapes.band(replacement);
      double value = ValueSyntax.toDouble(old);
      return band.isPresent() && value >= band.get().low() && value <= band.get().high();
    }
  },
  NUMBER_ROUNDED_DOWN(1) {
    @Override
    boolean explains(String old, String replacement) {
      return step(old, replacement) > 0;
    }
  },
  NUMBER_ROUNDED(1) {
    @Override
    boolean explains(String old, String replacement) {
      return roundedDecimals(old, replacement) >= 0;
    }
  },
  STRING_TRUNCATED(1) {
    @Override
    boolean explains(String old, String replacement) {
      return !replacement.isEmpty()
          && replacement.length() < old.length()
          && old.startsWith(replacement)
          && !ValueSyntax.isIsoDate(old);
    }
  },
  STRING_SUFFIX_MASKED(1) {
    @Override
    boolean explains(String old, String replacement) {
      return ValueShapes.maskedSuffixKept(old, replacement) > 0;
    }
  };

  private static final int[] STEPS = {5, 10, 100, 1000};

  private final int height;

  GeneralisationRule(int height) {
    this.height = height;
  }

  abstract boolean explains(String old, String replacement);

  /** Levels climbed in the usual hierarchy (a date to its year climbs two: month, then year). */
  public int height() {
    return height;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * True when {@code replacement} is exactly the first {@code length} characters of {@code old}.
   */
  private static boolean prefixOf(String old, String replacement, int length) {
    return replacement.length() == length && old.regionMatches(0, replacement, 0, length);
  }

  /**
   * The decimals a number was rounded to (0 for whole numbers) when the replacement, written with
   * fewer decimals, is the old number rounded to the nearest (58.64 → 58.6, 58.6 → 59, halves
   * either way); else -1. A number that only loses zeros (72.0 → 72) is consistent with rounding
   * too: whether anything was rounded is for the detector to tell from the other edits.
   */
  static int roundedDecimals(String old, String replacement) {
    if (!ValueSyntax.isNumber(old)
        || !ValueSyntax.isNumber(replacement)
        || old.indexOf('e') >= 0
        || old.indexOf('E') >= 0
        || replacement.indexOf('e') >= 0
        || replacement.indexOf('E') >= 0) {
      return -1;
    }
    BigDecimal before = new BigDecimal(old);
    BigDecimal after = new BigDecimal(replacement);
    int decimals = Math.max(0, after.scale());
    if (decimals >= before.scale()) {
      return -1;
    }
    boolean nearest =
        before.setScale(decimals, RoundingMode.HALF_UP).compareTo(after) == 0
            || before.setScale(decimals, RoundingMode.HALF_EVEN).compareTo(after) == 0;
    return nearest ? decimals : -1;
  }

  /** The smallest step among 5, 10, 100, 1000 such that the replacement is old rounded down. */
  static int step(String old, String replacement) {
    if (!ValueSyntax.isInteger(old) || !ValueSyntax.isInteger(replacement)) {
      return 0;
    }
    long value = Long.parseLong(old);
    long rounded = Long.parseLong(replacement);
    for (int step : STEPS) {
      if (Math.floorMod(rounded, step) == 0 && value - rounded >= 0 && value - rounded < step) {
        return step;
      }
    }
    return 0;
  }
}
