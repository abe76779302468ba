package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.diff.detect.ColumnRelations.Relation;
import org.fabrique.diff.read.ValueSyntax;

/**
 * Relations between columns that change how values are written, not what they say ({@link
 * ColumnRelations}): the same numbers or dates in another format; and dates shifted by a number of
 * days, per record as de-identification does, or all alike.
 */
public final class DateAndFormatRelations {
  private DateAndFormatRelations() {}

  /** A date format, with the one separator it writes (none for {@code yyyyMMdd}). */
  private record DateFormat(char separator, java.time.format.DateTimeFormatter format) {
    static DateFormat of(String pattern) {
      String separators = pattern.replaceAll("[dMy]", "");
      return new DateFormat(
          separators.isEmpty() ? NO_SEPARATOR : separators.charAt(0),
          java.time.format.DateTimeFormatter.ofPattern(
                  pattern.replace("yyyy", "uuuu"), java.util.Locale.ROOT)
              .withResolverStyle(java.time.format.ResolverStyle.STRICT));
    }
  }

  private static final char NO_SEPARATOR = ' ';

  private static final List<DateFormat> DATE_FORMATS =
      java.util.stream.Stream.of(
              "yyyy-MM-dd",
              "dd/MM/yyyy",
              "MM/dd/yyyy",
              "yyyy/MM/dd",
              "dd.MM.yyyy",
              "dd-MM-yyyy",
              "yyyyMMdd",
              "d/M/yyyy",
              "M/d/yyyy")
          .map(DateFormat::of)
          .toList();

  /**
   * Values written differently but meaning the same: the same number ({@code 04022} and {@code
   * 4022}, {@code 72.0} and {@code 72}) or the same date in another format. A change of format, not
   * of content: reported as such, never as noise or truncation.
   */
  static void reformatted(List<Relation> found, List<String> a, List<String> b) {
    int hits = 0;
    int numbers = 0;
    int dates = 0;
    List<List<String>> examples = new ArrayList<>();
    for (int row = 0; row < a.size(); row++) {
      String before = a.get(row);
      String after = b.get(row);
      if (before.equals(after)) {
        hits++;
      } else if (sameNumber(before, after)) {
        hits++;
        numbers++;
        ColumnRelations.example(examples, before, after);
      } else if (sameDate(before, after)) {
        hits++;
        dates++;
        ColumnRelations.example(examples, before, after);
      }
    }
    if (numbers + dates == 0) {
      return;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("numbersRewritten", numbers);
    parameters.put("datesRewritten", dates);
    found.add(
        new Relation(
            "format", "reformatted", parameters, hits / (double) a.size(), a.size(), examples));
  }

  private static boolean sameNumber(String before, String after) {
    if (!ValueSyntax.isNumber(before) || !ValueSyntax.isNumber(after)) {
      return false;
    }
    if (before.indexOf('e') >= 0
        || before.indexOf('E') >= 0
        || after.indexOf('e') >= 0
        || after.indexOf('E') >= 0) {
      // Written with an exponent (or a token that looks like one): compared as doubles.
      double one = ValueSyntax.toDouble(before);
      double other = ValueSyntax.toDouble(after);
      return Double.isFinite(one) && one == other;
    }
    return new java.math.BigDecimal(before).compareTo(new java.math.BigDecimal(after)) == 0;
  }

  private static boolean sameDate(String before, String after) {
    char beforeSeparator = dateSeparator(before);
    char afterSeparator = dateSeparator(after);
    if (beforeSeparator == 0 || afterSeparator == 0) {
      return false;
    }
    for (DateFormat first : DATE_FORMATS) {
      java.time.LocalDate one =
          first.separator() == beforeSeparator ? date(before, first.format()) : null;
      if (one == null) {
        continue;
      }
      for (DateFormat second : DATE_FORMATS) {
        if (second.separator() == afterSeparator && one.equals(date(after, second.format()))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The separator of a value that could be written in one of the date formats (8 to 10 characters,
   * digits and one separator, or none), or 0 for any other value. Only the formats with that
   * separator are tried: a format refuses a value with an exception, and identifiers and codes of
   * that length are common (this runs for every aligned row).
   */
  private static char dateSeparator(String value) {
    if (value.length() < 8 || value.length() > 10) {
      return 0;
    }
    char separator = NO_SEPARATOR;
    for (int at = 0; at < value.length(); at++) {
      char c = value.charAt(at);
      if (c >= '0' && c <= '9') {
        continue;
      }
      if (c != '-' && c != '/' && c != '.' || separator != NO_SEPARATOR && separator != c) {
        return 0;
      }
      separator = c;
    }
    return separator;
  }

  private static java.time.LocalDate date(String value, java.time.format.DateTimeFormatter format) {
    try {
      return java.time.LocalDate.parse(value, format);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** The most days a de-identifying date shift moves a date. */
  static final int MAXIMUM_SHIFT_DAYS = 366;

  /**
   * Dates moved by a number of days that varies from row to row (a per-record shift, as
   * de-identification does), or by the same number on every row.
   */
  static void shifted(List<Relation> found, List<String> a, List<String> b) {
    int hits = 0;
    int moved = 0;
    int minimum = Integer.MAX_VALUE;
    int maximum = Integer.MIN_VALUE;
    long sum = 0;
    java.util.Set<Integer> offsets = new java.util.HashSet<>();
    List<List<String>> examples = new ArrayList<>();
    for (int row = 0; row < a.size(); row++) {
      Long offset = offsetDays(a.get(row), b.get(row));
      if (offset == null || Math.abs(offset) > MAXIMUM_SHIFT_DAYS) {
        continue;
      }
      int days = (int) (long) offset;
      hits++;
      moved += days != 0 ? 1 : 0;
      minimum = Math.min(minimum, days);
      maximum = Math.max(maximum, days);
      sum += days;
      offsets.add(days);
      ColumnRelations.example(examples, a.get(row), b.get(row));
    }
    if (hits == 0 || moved < 0.5 * hits) {
      return;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("minimumOffsetDays", minimum);
    parameters.put("maximumOffsetDays", maximum);
    parameters.put("meanOffsetDays", Figures.round(sum / (double) hits, 2));
    parameters.put("distinctOffsets", offsets.size());
    parameters.put("perRecord", offsets.size() > 1);
    found.add(
        new Relation(
            "date-shift",
            "date-shifted",
            parameters,
            hits / (double) a.size(),
            a.size(),
            examples));
  }

  /**
   * Days from one ISO date to another, or null when either is not a date. Dates with a time ({@code
   * 1953-03-01 00:00:00}, {@code 1953-03-01T08:30:00Z}) count when both keep the same time (written
   * the same way): a date shift moves the day, not the hour.
   */
  public static Long offsetDays(String before, String after) {
    if (before.length() != after.length()
        || !ValueSyntax.isIsoDate(before)
        || !ValueSyntax.isIsoDate(after)
        || !before.regionMatches(10, after, 10, before.length() - 10)) {
      return null;
    }
    try {
      return java.time.temporal.ChronoUnit.DAYS.between(
          java.time.LocalDate.parse(before.substring(0, 10)),
          java.time.LocalDate.parse(after.substring(0, 10)));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
