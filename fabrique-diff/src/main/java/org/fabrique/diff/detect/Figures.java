package org.fabrique.diff.detect;

import java.util.Locale;

/** Numbers as people read them in summaries. */
public final class Figures {
  private Figures() {}

  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  public static String pourcent(double share) {
    return String.format(Locale.FRANCE, "%.1f %%", share * 100);
  }

  public static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.4g", value);
  }
}
