package org.fabrique.diff.detect;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.diff.read.ValueSyntax;

/** Shapes of values that interventions leave behind: masks, bands, prefixes. */
public final class ValueShapes {
  private static final Set<String> MASK_WORDS =
      Set.of("na", "n/a", "suppressed", "masked", "redacted", "hidden", "null", "none", "s");
  private static final Pattern MASK_CHARACTERS = Pattern.compile("[*xX#•-]+");
  private static final Pattern SMALL_COUNT = Pattern.compile("<\\s*=?\\s*\\d+");
  private static final Pattern BAND =
      Pattern.compile(
          "\\s*[\\[(]?\\s*(-?\\d+(?:\\.\\d+)?)\\s*(?:-|–|to|,|\\.\\.)\\s*(-?\\d+(?:\\.\\d+)?)\\s*[\\])]?\\s*");
  private static final Pattern OPEN_BAND =
      Pattern.compile("\\s*(?:>=?|≥)?\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\+?\\s*");
  private static final Pattern MASKED_SUFFIX = Pattern.compile("[*xX#]+");

  private ValueShapes() {}

  /** A blank cell, or a value that only says something was hidden ({@code *}, {@code <5}). */
  public static boolean isMask(String value) {
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      return true;
    }
    char first = stripped.charAt(0);
    if (first == '<') {
      return SMALL_COUNT.matcher(stripped).matches();
    }
    if ("*xX#•-".indexOf(first) >= 0 && MASK_CHARACTERS.matcher(stripped).matches()) {
      return true;
    }
    return stripped.length() <= 10
        && "nNsSmMrRhH".indexOf(first) >= 0
        && MASK_WORDS.contains(stripped.toLowerCase(Locale.ROOT));
  }

  /** A closed band {@code [lo, hi]} read from labels such as {@code 10-19} or {@code [10,20)}. */
  public record Band(double low, double high, boolean open) {}

  public static Optional<Band> band(String value) {
    if (ValueSyntax.isNumber(value) || value.length() > 40) {
      return Optional.empty();
    }
    Matcher closed = BAND.matcher(value);
    if (closed.matches()) {
      double low = ValueSyntax.toDouble(closed.group(1));
      double high = ValueSyntax.toDouble(closed.group(2));
      if (low < high) {
        return Optional.of(new Band(low, high, false));
      }
    }
    if (value.contains("+") || value.contains(">") || value.contains("≥")) {
      Matcher open = OPEN_BAND.matcher(value);
      if (open.matches()) {
        return Optional.of(
            new Band(ValueSyntax.toDouble(open.group(1)), Double.POSITIVE_INFINITY, true));
      }
    }
    return Optional.empty();
  }

  /**
   * The number of leading characters kept when {@code generalised} masks the end of {@code old}.
   */
  public static int maskedSuffixKept(String old, String generalised) {
    if (generalised.length() != old.length()) {
      return -1;
    }
    int kept = 0;
    while (kept < old.length() && old.charAt(kept) == generalised.charAt(kept)) {
      kept++;
    }
    if (kept == 0 || kept == old.length()) {
      return -1;
    }
    return MASKED_SUFFIX.matcher(generalised.substring(kept)).matches() ? kept : -1;
  }

  /** True when two different values visibly derive from one another. */
  public static boolean related(String old, String replacement) {
    if (old.length() >= 3
        && replacement.length() >= 3
        && old.regionMatches(true, 0, replacement, 0, 3)) {
      return true;
    }
    return old.contains(replacement) || replacement.contains(old);
  }

  public static boolean bothNumbers(String old, String replacement) {
    return ValueSyntax.isNumber(old) && ValueSyntax.isNumber(replacement);
  }
}
