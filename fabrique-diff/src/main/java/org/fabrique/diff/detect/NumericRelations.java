package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.diff.detect.ColumnRelations.Relation;
import org.fabrique.diff.read.ValueSyntax;

/**
 * Relations between columns of numbers ({@link ColumnRelations}): rounded down to a step, top or
 * bottom coded, or changed by an affine transform (a unit or a scale).
 */
final class NumericRelations {
  private static final Pattern OPEN_TOP =
      Pattern.compile("\\s*(?:(-?\\d+(?:\\.\\d+)?)\\s*\\+|(?:>=?|≥)\\s*(-?\\d+(?:\\.\\d+)?))\\s*");
  private static final Pattern OPEN_BOTTOM =
      Pattern.compile("\\s*(?:<=?|≤)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

  private NumericRelations() {}

  static void rounded(List<Relation> found, List<String> a, List<String> b) {
    Map<Integer, Integer> steps = new HashMap<>();
    for (int row = 0; row < a.size(); row++) {
      int step = GeneralisationRule.step(a.get(row), b.get(row));
      if (step > 0) {
        steps.merge(step, 1, Integer::sum);
      }
    }
    steps.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .ifPresent(
            entry -> {
              int step = entry.getKey();
              ColumnRelations.rule(
                  found,
                  "number-rounded-down",
                  "generalised",
                  Map.of("step", step),
                  a,
                  b,
                  (before, after) ->
                      before.equals(after) && ValueSyntax.isInteger(before)
                          ? Math.floorMod(Long.parseLong(before), step) == 0
                          : GeneralisationRule.step(before, after) == step);
            });
  }

  /**
   * Top coding: values above a threshold replaced by the threshold (or by "T+", "≥T"), the others
   * kept; bottom coding the other way round.
   */
  static void coded(List<Relation> found, List<String> a, List<String> b, boolean top) {
    Map<Double, Integer> thresholds = new HashMap<>();
    for (int row = 0; row < a.size(); row++) {
      Double before = number(a.get(row));
      Double threshold = threshold(b.get(row), top);
      if (before != null
          && threshold != null
          && !a.get(row).equals(b.get(row))
          && (top ? before > threshold : before < threshold)) {
        thresholds.merge(threshold, 1, Integer::sum);
      }
    }
    Optional<Map.Entry<Double, Integer>> best =
        thresholds.entrySet().stream().max(Map.Entry.comparingByValue());
    if (best.isEmpty()) {
      return;
    }
    double threshold = best.get().getKey();
    int hits = 0;
    int coded = 0;
    int below = 0;
    List<List<String>> examples = new ArrayList<>();
    for (int row = 0; row < a.size(); row++) {
      Double before = number(a.get(row));
      if (before == null) {
        continue;
      }
      boolean beyond = top ? before > threshold : before < threshold;
      if (beyond) {
        Double given = threshold(b.get(row), top);
        if (given != null && given == threshold) {
          hits++;
          coded++;
          ColumnRelations.example(examples, a.get(row), b.get(row));
        }
      } else if (a.get(row).equals(b.get(row)) || same(before, number(b.get(row)))) {
        hits++;
        below++;
      }
    }
    if (coded >= 2 && below > 0) {
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put("threshold", Figures.number(threshold));
      parameters.put("valuesCoded", coded);
      found.add(
          new Relation(
              top ? "top-coding" : "bottom-coding",
              top ? "top-coded" : "bottom-coded",
              parameters,
              hits / (double) a.size(),
              a.size(),
              examples));
    }
  }

  private static boolean same(double value, Double other) {
    return other != null && Math.abs(value - other) <= 1e-9 * Math.max(1, Math.abs(value));
  }

  private static Double threshold(String value, boolean top) {
    Double plain = number(value);
    if (plain != null) {
      return plain;
    }
    // An open band names its bound with one of these signs: a value without any is not one, and
    // is not given to the pattern (this runs for every aligned row of every kept column).
    if (top
        ? value.indexOf('+') < 0 && value.indexOf('>') < 0 && value.indexOf('≥') < 0
        : value.indexOf('<') < 0 && value.indexOf('≤') < 0) {
      return null;
    }
    Matcher matcher = (top ? OPEN_TOP : OPEN_BOTTOM).matcher(value);
    if (!matcher.matches()) {
      return null;
    }
    String digits =
        matcher.group(1) != null ? matcher.group(1) : matcher.group(matcher.groupCount());
    return ValueSyntax.toDouble(digits);
  }

  private static Double number(String value) {
    if (!ValueSyntax.isNumber(value)) {
      return null;
    }
    double number = ValueSyntax.toDouble(value);
    return Double.isFinite(number) ? number : null;
  }

  private static int decimals(String value) {
    int point = value.indexOf('.');
    if (point < 0 || value.indexOf('e') >= 0 || value.indexOf('E') >= 0) {
      return 0;
    }
    return value.length() - point - 1;
  }

  /** new = factor × old + offset, within the rounding of the written values. */
  static void affine(List<Relation> found, List<String> a, List<String> b) {
    int n = 0;
    double sumX = 0;
    double sumY = 0;
    double sumXx = 0;
    double sumXy = 0;
    Map<Double, Boolean> distinct = new HashMap<>();
    for (int row = 0; row < a.size(); row++) {
      Double x = number(a.get(row));
      Double y = number(b.get(row));
      if (x == null || y == null) {
        continue;
      }
      n++;
      sumX += x;
      sumY += y;
      sumXx += x * x;
      sumXy += x * y;
      if (distinct.size() < 10) {
        distinct.put(x, true);
      }
    }
    // Two or three values are always on a line: a unit change needs values of many sizes.
    if (n < ColumnRelations.MINIMUM_ROWS || n < 0.95 * a.size() || distinct.size() < 10) {
      return;
    }
    double variance = sumXx - sumX * sumX / n;
    if (variance <= 0) {
      return;
    }
    double factor = (sumXy - sumX * sumY / n) / variance;
    double offset = (sumY - factor * sumX) / n;
    double roundedFactor = significant(factor, 6);
    double roundedOffset =
        Math.abs(offset) < 1e-6 * Math.max(1, Math.abs(sumY / n)) ? 0 : significant(offset, 6);
    if (Math.abs(roundedFactor - 1) < 1e-9 && roundedOffset == 0) {
      return;
    }
    int hits = 0;
    int unchanged = 0;
    List<List<String>> examples = new ArrayList<>();
    for (int row = 0; row < a.size(); row++) {
      Double x = number(a.get(row));
      Double y = number(b.get(row));
      if (x == null || y == null) {
        continue;
      }
      double tolerance =
          // Half a unit of the last decimal written, and a margin for the fitted factor.
          0.6 * Math.pow(10, -decimals(b.get(row))) + 1e-9 * Math.max(1, Math.abs(y));
      if (Math.abs(y - (factor * x + offset)) <= tolerance) {
        hits++;
        ColumnRelations.example(examples, a.get(row), b.get(row));
      }
      if (Math.abs(y - x) <= tolerance) {
        unchanged++;
      }
    }
    // Values written with fewer decimals (58.6 → 59) fit a line close to the identity within the
    // precision they are written with: the identity explains them as well, and the change is one
    // of precision, not of unit or scale.
    if (unchanged >= hits) {
      return;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("factor", roundedFactor);
    parameters.put("offset", roundedOffset);
    found.add(
        new Relation(
            "affine", "converted", parameters, hits / (double) a.size(), a.size(), examples));
  }

  private static double significant(double value, int digits) {
    if (value == 0) {
      return 0;
    }
    return new java.math.BigDecimal(value).round(new java.math.MathContext(digits)).doubleValue();
  }
}
