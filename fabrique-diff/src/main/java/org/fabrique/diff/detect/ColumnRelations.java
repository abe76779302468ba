package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

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
    List<List<String>> rows = changedRows(olds, news);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<Relation> found = new ArrayList<>();
    everyRule(found, rows.get(0), rows.get(1));
    return best(found);
  }

  /**
   * As {@link #find}, for a column kept under its name: the relation only when it is one the value
   * detectors would misread ({@link #isTellingOnKeptColumn}). Those rules are tried first; the
   * others only when one of them explains enough rows, to learn whether another explains more (a
   * kept column is then told nothing, as {@link #find} would choose).
   */
  public static Optional<Relation> findOnKeptColumn(List<String> olds, List<String> news) {
    List<List<String>> rows = changedRows(olds, news);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<String> a = rows.get(0);
    List<String> b = rows.get(1);
    List<Relation> telling = new ArrayList<>();
    DateAndFormatRelations.reformatted(telling, a, b);
    NumericRelations.coded(telling, a, b, true);
    NumericRelations.coded(telling, a, b, false);
    NumericRelations.affine(telling, a, b);
    DateAndFormatRelations.shifted(telling, a, b);
    if (best(telling).isEmpty()) {
      return Optional.empty();
    }
    List<Relation> found = new ArrayList<>();
    everyRule(found, a, b);
    return best(found).filter(ColumnRelations::isTellingOnKeptColumn);
  }

  /**
   * Whether a relation found on a column kept under its name tells what the value detectors would
   * misread: a change of unit or scale (categories relabelled, numbers rounded), top or bottom
   * coding, a date shift, a format change.
   */
  public static boolean isTellingOnKeptColumn(Relation relation) {
    return switch (relation.rule()) {
      case "affine", "top-coding", "bottom-coding", "date-shift", "format" -> true;
      default -> false;
    };
  }

  /**
   * The aligned rows where either value is not blank, stripped (old values, then new), or nothing
   * when they are too few or when every one is unchanged.
   */
  private static List<List<String>> changedRows(List<String> olds, List<String> news) {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    int equal = 0;
    for (int row = 0; row < olds.size(); row++) {
      String before = olds.get(row).strip();
      String after = news.get(row).strip();
      if (!before.isEmpty() || !after.isEmpty()) {
        a.add(before);
        b.add(after);
        equal += before.equals(after) ? 1 : 0;
      }
    }
    return a.size() < MINIMUM_ROWS || equal == a.size() ? List.of() : List.of(a, b);
  }

  /**
   * Every rule, in the order {@link #best} reads them: a one-to-one mapping, which any is, last.
   */
  private static void everyRule(List<Relation> found, List<String> a, List<String> b) {
    DateAndFormatRelations.reformatted(found, a, b);
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
    TokenRelations.kept(found, a, b);
    NumericRelations.rounded(found, a, b);
    NumericRelations.coded(found, a, b, true);
    NumericRelations.coded(found, a, b, false);
    NumericRelations.affine(found, a, b);
    DateAndFormatRelations.shifted(found, a, b);
    TokenRelations.mapping(found, a, b);
  }

  /**
   * The relation that explains the most rows, among those that explain enough of them; a one-to-one
   * mapping only when no other rule does.
   */
  private static Optional<Relation> best(List<Relation> found) {
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

  static void rule(
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

  static void example(List<List<String>> examples, String before, String after) {
    if (examples.size() < 3 && !before.equals(after)) {
      examples.add(List.of(before, after));
    }
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

  /** The type of the value-level intervention a relation's kind ({@code pseudonymised}) names. */
  public static String interventionType(String kind) {
    return switch (kind) {
      case "pseudonymised" -> "pseudonymisation";
      case "recoded" -> "recoding";
      case "converted" -> "unit-conversion";
      case "top-coded" -> "top-coding";
      case "bottom-coded" -> "bottom-coding";
      case "date-shifted" -> "date-shift";
      case "reformatted" -> "format-change";
      default -> "generalisation";
    };
  }

  /** The value-level intervention a relation shows on a column. */
  public static org.fabrique.diff.report.DetectedIntervention intervention(
      String column, Relation relation) {
    String type = interventionType(relation.kind());
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
