package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.diff.read.ValueSyntax;

/**
 * How the values of one column became those of another, tested on rows aligned by key (or by
 * position when the row order was kept): a one-to-one token mapping (pseudonymisation or
 * relabelling), a date reduced to its month or year, a prefix or suffix kept, a number replaced by
 * its band or rounded down, top or bottom coding, an affine transform (a change of unit or scale);
 * and, over three columns, a split or a concatenation. Used to pair a removed column with the added
 * column it became, and to name what was done to a column kept under its name.
 */
public final class ColumnRelations {
  /** The share of aligned rows a relation must explain. */
  public static final double MINIMUM_SHARE = 0.95;

  /** A one-to-one mapping explains rows by chance more easily: it must explain more of them. */
  static final double MAPPING_SHARE = 0.98;

  /** Aligned rows needed to say anything. */
  public static final int MINIMUM_ROWS = 20;

  private static final Pattern OPEN_TOP =
      Pattern.compile("\\s*(?:(-?\\d+(?:\\.\\d+)?)\\s*\\+|(?:>=?|≥)\\s*(-?\\d+(?:\\.\\d+)?))\\s*");
  private static final Pattern OPEN_BOTTOM =
      Pattern.compile("\\s*(?:<=?|≤)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");
  private static final String[] SEPARATORS = {" ", "-", "/", ",", ";", "_", "|", ""};

  private ColumnRelations() {}

  /**
   * A relation between two columns.
   *
   * @param rule stable id: {@code one-to-one-tokens}, {@code one-to-one-relabelling}, {@code
   *     date-to-month}, {@code date-to-year}, {@code prefix}, {@code suffix}, {@code
   *     prefix-rest-masked}, {@code number-to-band}, {@code number-rounded-down}, {@code
   *     top-coding}, {@code bottom-coding}, {@code affine}
   * @param kind what was done, as a past participle: {@code pseudonymised}, {@code recoded}, {@code
   *     generalised}, {@code top-coded}, {@code bottom-coded}, {@code converted}
   * @param parameters the rule's parameters, each named for what it is
   * @param share the share of aligned rows the rule explains
   * @param rows aligned rows (at least one of the two values not blank)
   * @param examples a few (old, new) pairs the rule explains
   */
  public record Relation(
      String rule,
      String kind,
      Map<String, Object> parameters,
      double share,
      long rows,
      List<List<String>> examples) {

    /** The rule in words, in English. */
    public String ruleEn() {
      return switch (rule) {
        case "one-to-one-tokens" -> "each value replaced by its own token";
        case "one-to-one-relabelling" -> "each value replaced by its own label";
        case "date-to-month" -> "each date reduced to its month";
        case "date-to-year" -> "each date reduced to its year";
        case "prefix" -> "the first " + parameters.get("keptCharacters") + " characters kept";
        case "suffix" -> "the last " + parameters.get("keptCharacters") + " characters kept";
        case "prefix-rest-masked" ->
            "the first " + parameters.get("keptCharacters") + " characters kept, the rest masked";
        case "number-to-band" -> "each number replaced by its band";
        case "number-rounded-down" ->
            "each number rounded down to a multiple of " + parameters.get("step");
        case "top-coding" -> "values above " + parameters.get("threshold") + " set to it";
        case "bottom-coding" -> "values below " + parameters.get("threshold") + " set to it";
        case "format" -> "the same values written another way (number or date format)";
        case "date-shift" ->
            Boolean.TRUE.equals(parameters.get("perRecord"))
                ? "each date moved by "
                    + parameters.get("minimumOffsetDays")
                    + " to "
                    + parameters.get("maximumOffsetDays")
                    + " days, the offset drawn per record"
                : "every date moved by " + parameters.get("minimumOffsetDays") + " days";
        case "affine" ->
            "new = "
                + parameters.get("factor")
                + " × old"
                + offsetText(((Number) parameters.get("offset")).doubleValue());
        default -> rule;
      };
    }

    /** The rule in words, in French. */
    public String ruleFr() {
      return switch (rule) {
        case "one-to-one-tokens" -> "chaque valeur remplacée par un jeton propre";
        case "one-to-one-relabelling" -> "chaque valeur remplacée par un libellé propre";
        case "date-to-month" -> "chaque date réduite à son mois";
        case "date-to-year" -> "chaque date réduite à son année";
        case "prefix" -> "les " + parameters.get("keptCharacters") + " premiers caractères gardés";
        case "suffix" -> "les " + parameters.get("keptCharacters") + " derniers caractères gardés";
        case "prefix-rest-masked" ->
            "les "
                + parameters.get("keptCharacters")
                + " premiers caractères gardés, la suite masquée";
        case "number-to-band" -> "chaque nombre remplacé par sa tranche";
        case "number-rounded-down" ->
            "chaque nombre arrondi au multiple de " + parameters.get("step") + " inférieur";
        case "top-coding" ->
            "valeurs au-dessus de " + parameters.get("threshold") + " ramenées à ce seuil";
        case "bottom-coding" ->
            "valeurs au-dessous de " + parameters.get("threshold") + " ramenées à ce seuil";
        case "format" -> "les mêmes valeurs écrites autrement (format des nombres ou des dates)";
        case "date-shift" ->
            Boolean.TRUE.equals(parameters.get("perRecord"))
                ? "chaque date décalée de "
                    + parameters.get("minimumOffsetDays")
                    + " à "
                    + parameters.get("maximumOffsetDays")
                    + " jours, le décalage tiré par enregistrement"
                : "toutes les dates décalées de " + parameters.get("minimumOffsetDays") + " jours";
        case "affine" ->
            "nouvelle = "
                + parameters.get("factor")
                + " × ancienne"
                + offsetText(((Number) parameters.get("offset")).doubleValue());
        default -> rule;
      };
    }

    /** The kind in French. */
    public String kindFr() {
      return switch (kind) {
        case "pseudonymised" -> "pseudonymisée";
        case "recoded" -> "recodée";
        case "generalised" -> "généralisée";
        case "top-coded" -> "plafonnée";
        case "bottom-coded" -> "planchée";
        case "converted" -> "convertie (unité ou échelle)";
        case "date-shifted" -> "décalée dans le temps";
        case "reformatted" -> "réécrite dans un autre format";
        default -> kind;
      };
    }

    /** The kind in English words. */
    public String kindEn() {
      return switch (kind) {
        case "converted" -> "converted (unit or scale)";
        case "date-shifted" -> "shifted in time";
        case "reformatted" -> "rewritten in another format";
        default -> kind;
      };
    }
  }

  private static String offsetText(double offset) {
    if (offset == 0) {
      return "";
    }
    return (offset < 0 ? " − " : " + ") + Figures.number(Math.abs(offset));
  }

  /**
   * A split (one old column into two new ones) or a concatenation (two old columns into one).
   *
   * @param parts the two columns on the side with two (in order)
   * @param whole the column on the side with one
   * @param separator what stands between the two parts
   */
  public record Combination(
      boolean split,
      List<Integer> parts,
      int whole,
      String separator,
      double share,
      long rows,
      List<List<String>> examples) {}

  /**
   * The relation that explains the most aligned rows, when it explains at least {@link
   * #MINIMUM_SHARE} of them (more for a one-to-one mapping).
   *
   * @param olds the old column's values, row by row
   * @param news the new column's values on the same rows
   */
  public static Optional<Relation> find(List<String> olds, List<String> news) {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    for (int row = 0; row < olds.size(); row++) {
      String before = olds.get(row).strip();
      String after = news.get(row).strip();
      if (!before.isEmpty() || !after.isEmpty()) {
        a.add(before);
        b.add(after);
      }
    }
    int n = a.size();
    if (n < MINIMUM_ROWS) {
      return Optional.empty();
    }
    int equal = 0;
    for (int row = 0; row < n; row++) {
      equal += a.get(row).equals(b.get(row)) ? 1 : 0;
    }
    if (equal == n) {
      return Optional.empty();
    }
    List<Relation> found = new ArrayList<>();
    reformatted(found, a, b);
    rule(
        found,
        "date-to-month",
        "generalised",
        Map.of(),
        a,
        b,
        GeneralisationRule.DATE_TO_MONTH::explains);
    rule(
        found,
        "date-to-year",
        "generalised",
        Map.of(),
        a,
        b,
        GeneralisationRule.DATE_TO_YEAR::explains);
    rule(
        found,
        "number-to-band",
        "generalised",
        Map.of(),
        a,
        b,
        GeneralisationRule.NUMBER_TO_BAND::explains);
    kept(found, a, b);
    rounded(found, a, b);
    coded(found, a, b, true);
    coded(found, a, b, false);
    affine(found, a, b);
    shifted(found, a, b);
    mapping(found, a, b);
    // The rule that explains the most rows; a one-to-one mapping, which any rule is, last.
    Relation best = null;
    for (Relation relation : found) {
      boolean mapping = relation.rule().startsWith("one-to-one");
      if (relation.share() >= (mapping ? MAPPING_SHARE : MINIMUM_SHARE)
          && (best == null || !mapping && relation.share() > best.share() + 0.005)) {
        best = relation;
      }
    }
    return Optional.ofNullable(best);
  }

  private static void rule(
      List<Relation> found,
      String id,
      String kind,
      Map<String, Object> parameters,
      List<String> a,
      List<String> b,
      BiPredicate<String, String> explains) {
    int hits = 0;
    List<List<String>> examples = new ArrayList<>();
    for (int row = 0; row < a.size(); row++) {
      String before = a.get(row);
      String after = b.get(row);
      if (!before.isEmpty() && !after.isEmpty() && explains.test(before, after)) {
        hits++;
        example(examples, before, after);
      }
    }
    if (hits > 0) {
      found.add(new Relation(id, kind, parameters, hits / (double) a.size(), a.size(), examples));
    }
  }

  private static void example(List<List<String>> examples, String before, String after) {
    if (examples.size() < 3 && !before.equals(after)) {
      examples.add(List.of(before, after));
    }
  }

  /** A prefix or suffix of fixed length kept, or a prefix kept and the rest masked. */
  private static void kept(List<Relation> found, List<String> a, List<String> b) {
    Map<Integer, Integer> prefix = new HashMap<>();
    Map<Integer, Integer> suffix = new HashMap<>();
    Map<Integer, Integer> masked = new HashMap<>();
    for (int row = 0; row < a.size(); row++) {
      String before = a.get(row);
      String after = b.get(row);
      if (after.isEmpty() || after.length() >= before.length()) {
        int kept = after.isEmpty() ? -1 : ValueShapes.maskedSuffixKept(before, after);
        if (kept > 0) {
          masked.merge(kept, 1, Integer::sum);
        }
        continue;
      }
      if (before.startsWith(after)) {
        prefix.merge(after.length(), 1, Integer::sum);
      }
      if (before.endsWith(after)) {
        suffix.merge(after.length(), 1, Integer::sum);
      }
    }
    for (Map.Entry<Integer, Integer> entry : prefix.entrySet()) {
      int length = entry.getKey();
      rule(
          found,
          "prefix",
          "generalised",
          Map.of("keptCharacters", length),
          a,
          b,
          (before, after) ->
              after.length() == length
                  && before.length() > length
                  && before.startsWith(after)
                  && !ValueSyntax.isIsoDate(before));
    }
    for (Map.Entry<Integer, Integer> entry : suffix.entrySet()) {
      int length = entry.getKey();
      rule(
          found,
          "suffix",
          "generalised",
          Map.of("keptCharacters", length),
          a,
          b,
          (before, after) ->
              after.length() == length && before.length() > length && before.endsWith(after));
    }
    for (Map.Entry<Integer, Integer> entry : masked.entrySet()) {
      int length = entry.getKey();
      rule(
          found,
          "prefix-rest-masked",
          "generalised",
          Map.of("keptCharacters", length),
          a,
          b,
          (before, after) -> ValueShapes.maskedSuffixKept(before, after) == length);
    }
  }

  private static void rounded(List<Relation> found, List<String> a, List<String> b) {
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
              rule(
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
  private static void coded(List<Relation> found, List<String> a, List<String> b, boolean top) {
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
          example(examples, a.get(row), b.get(row));
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
    Matcher matcher = (top ? OPEN_TOP : OPEN_BOTTOM).matcher(value);
    if (!matcher.matches()) {
      return null;
    }
    String digits =
        matcher.group(1) != null ? matcher.group(1) : matcher.group(matcher.groupCount());
    return Double.parseDouble(digits);
  }

  private static Double number(String value) {
    if (!ValueSyntax.isNumber(value)) {
      return null;
    }
    double number = Double.parseDouble(value);
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
  private static void affine(List<Relation> found, List<String> a, List<String> b) {
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
    if (n < MINIMUM_ROWS || n < 0.95 * a.size() || distinct.size() < 10) {
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
        example(examples, a.get(row), b.get(row));
      }
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("factor", roundedFactor);
    parameters.put("offset", roundedOffset);
    found.add(
        new Relation(
            "affine", "converted", parameters, hits / (double) a.size(), a.size(), examples));
  }

  private static final List<java.time.format.DateTimeFormatter> DATE_FORMATS =
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
          .map(
              pattern ->
                  java.time.format.DateTimeFormatter.ofPattern(
                          pattern.replace("yyyy", "uuuu"), java.util.Locale.ROOT)
                      .withResolverStyle(java.time.format.ResolverStyle.STRICT))
          .toList();

  /**
   * Values written differently but meaning the same: the same number ({@code 04022} and {@code
   * 4022}, {@code 72.0} and {@code 72}) or the same date in another format. A change of format, not
   * of content: reported as such, never as noise or truncation.
   */
  private static void reformatted(List<Relation> found, List<String> a, List<String> b) {
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
        example(examples, before, after);
      } else if (sameDate(before, after)) {
        hits++;
        dates++;
        example(examples, before, after);
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
      double one = Double.parseDouble(before);
      double other = Double.parseDouble(after);
      return Double.isFinite(one) && one == other;
    }
    return new java.math.BigDecimal(before).compareTo(new java.math.BigDecimal(after)) == 0;
  }

  private static boolean sameDate(String before, String after) {
    if (before.length() < 8 || after.length() < 8 || before.length() > 10 || after.length() > 10) {
      return false;
    }
    for (java.time.format.DateTimeFormatter first : DATE_FORMATS) {
      java.time.LocalDate one = date(before, first);
      if (one == null) {
        continue;
      }
      for (java.time.format.DateTimeFormatter second : DATE_FORMATS) {
        if (one.equals(date(after, second))) {
          return true;
        }
      }
    }
    return false;
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
  private static void shifted(List<Relation> found, List<String> a, List<String> b) {
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
      example(examples, a.get(row), b.get(row));
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

  /** Days from one ISO date to another, or null when either is not a date. */
  public static Long offsetDays(String before, String after) {
    if (before.length() != 10
        || after.length() != 10
        || !ValueSyntax.isIsoDate(before)
        || !ValueSyntax.isIsoDate(after)) {
      return null;
    }
    try {
      return java.time.temporal.ChronoUnit.DAYS.between(
          java.time.LocalDate.parse(before), java.time.LocalDate.parse(after));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static double significant(double value, int digits) {
    if (value == 0) {
      return 0;
    }
    return new java.math.BigDecimal(value).round(new java.math.MathContext(digits)).doubleValue();
  }

  /**
   * Each old value always became the same new one and no two old values the same new one: a
   * pseudonymisation when the new values are many and unrelated tokens, a relabelling otherwise.
   */
  private static void mapping(List<Relation> found, List<String> a, List<String> b) {
    Map<String, Map<String, Integer>> forward = new HashMap<>();
    Map<String, Map<String, Integer>> backward = new HashMap<>();
    for (int row = 0; row < a.size(); row++) {
      forward.computeIfAbsent(a.get(row), k -> new HashMap<>()).merge(b.get(row), 1, Integer::sum);
      backward.computeIfAbsent(b.get(row), k -> new HashMap<>()).merge(a.get(row), 1, Integer::sum);
    }
    if (forward.size() < 2 || backward.size() < 2) {
      return;
    }
    Map<String, String> to = majority(forward);
    Map<String, String> from = majority(backward);
    int hits = 0;
    int same = 0;
    List<List<String>> examples = new ArrayList<>();
    for (int row = 0; row < a.size(); row++) {
      String before = a.get(row);
      String after = b.get(row);
      if (after.equals(to.get(before)) && before.equals(from.get(after))) {
        hits++;
        same += before.equals(after) ? 1 : 0;
        example(examples, before, after);
      }
    }
    boolean tokens =
        forward.size() >= 20 && same <= 0.01 * a.size() && tokenLike(backward.keySet());
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("distinctValues", forward.size());
    found.add(
        new Relation(
            tokens ? "one-to-one-tokens" : "one-to-one-relabelling",
            tokens ? "pseudonymised" : "recoded",
            parameters,
            hits / (double) a.size(),
            a.size(),
            examples));
  }

  /** Tokens all of one length and of letters and digits only. */
  private static boolean tokenLike(java.util.Set<String> values) {
    int length = -1;
    for (String value : values) {
      if (value.isEmpty()) {
        continue;
      }
      if (length >= 0 && value.length() != length) {
        return false;
      }
      length = value.length();
      for (int index = 0; index < value.length(); index++) {
        char c = value.charAt(index);
        if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
          return false;
        }
      }
    }
    return length >= 6;
  }

  private static Map<String, String> majority(Map<String, Map<String, Integer>> counts) {
    Map<String, String> best = new HashMap<>();
    counts.forEach(
        (value, targets) ->
            best.put(
                value,
                targets.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey()));
    return best;
  }

  /**
   * A split of {@code whole} into {@code first} and {@code second} (or, read the other way, their
   * concatenation): {@code whole = first + separator + second} on at least {@link #MINIMUM_SHARE}
   * of the aligned rows, with one separator throughout.
   */
  public static Optional<Combination> combined(
      boolean split,
      List<String> whole,
      List<String> first,
      List<String> second,
      int wholeColumn,
      List<Integer> parts) {
    int n = 0;
    Map<String, Integer> separators = new HashMap<>();
    for (int row = 0; row < whole.size(); row++) {
      String all = whole.get(row);
      String left = first.get(row);
      String right = second.get(row);
      if (all.isEmpty() && left.isEmpty() && right.isEmpty()) {
        continue;
      }
      n++;
      if (!left.isEmpty()
          && !right.isEmpty()
          && all.length() >= left.length() + right.length()
          && all.startsWith(left)
          && all.endsWith(right)) {
        String separator = all.substring(left.length(), all.length() - right.length());
        if (java.util.Arrays.asList(SEPARATORS).contains(separator)) {
          separators.merge(separator, 1, Integer::sum);
        }
      }
    }
    if (n < MINIMUM_ROWS) {
      return Optional.empty();
    }
    Optional<Map.Entry<String, Integer>> best =
        separators.entrySet().stream().max(Map.Entry.comparingByValue());
    if (best.isEmpty() || best.get().getValue() < MINIMUM_SHARE * n) {
      return Optional.empty();
    }
    String separator = best.get().getKey();
    List<List<String>> examples = new ArrayList<>();
    for (int row = 0; row < whole.size() && examples.size() < 3; row++) {
      if (whole.get(row).equals(first.get(row) + separator + second.get(row))) {
        examples.add(
            split
                ? List.of(whole.get(row), first.get(row), second.get(row))
                : List.of(first.get(row), second.get(row), whole.get(row)));
      }
    }
    return Optional.of(
        new Combination(
            split, parts, wholeColumn, separator, best.get().getValue() / (double) n, n, examples));
  }

  /** The value-level intervention a relation shows on a column. */
  public static org.fabrique.diff.report.DetectedIntervention intervention(
      String column, Relation relation) {
    String type =
        switch (relation.kind()) {
          case "pseudonymised" -> "pseudonymisation";
          case "recoded" -> "recoding";
          case "converted" -> "unit-conversion";
          case "top-coded" -> "top-coding";
          case "bottom-coded" -> "bottom-coding";
          case "date-shifted" -> "date-shift";
          case "reformatted" -> "format-change";
          default -> "generalisation";
        };
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("rule", relation.rule());
    parameters.putAll(relation.parameters());
    parameters.put("rowsExplainedShare", Figures.round(relation.share(), 4));
    parameters.put("alignedRows", relation.rows());
    String sameEn = "";
    String sameFr = "";
    if (relation.parameters().get("sameOffsetAs") instanceof List<?> others) {
      String names = String.join(", ", others.stream().map(String::valueOf).toList());
      sameEn = " Each record has the same offset in " + names + ".";
      sameFr = " Chaque enregistrement a le même décalage dans " + names + ".";
    }
    return new org.fabrique.diff.report.DetectedIntervention(
        type,
        List.of(column),
        parameters,
        Figures.round(relation.share(), 3),
        "Column "
            + column
            + " was "
            + relation.kindEn()
            + ": "
            + relation.ruleEn()
            + " (explains "
            + Figures.percent(relation.share())
            + " of "
            + relation.rows()
            + " aligned rows)."
            + sameEn,
        "La colonne "
            + column
            + " a été "
            + relation.kindFr()
            + " : "
            + relation.ruleFr()
            + " (explique "
            + Figures.pourcent(relation.share())
            + " des "
            + relation.rows()
            + " lignes alignées)."
            + sameFr,
        relation.examples());
  }
}
