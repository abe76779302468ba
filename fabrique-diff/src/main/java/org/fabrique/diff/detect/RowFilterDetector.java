package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntBinaryOperator;
import java.util.regex.Pattern;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.profile.ValueType;
import org.fabrique.diff.read.ValueSyntax;
import org.fabrique.diff.report.DetectedIntervention;

/**
 * Explains removed rows by a predicate on the old columns that holds for removed rows and for no
 * kept row, and added rows by a predicate on the new columns that holds for added rows and for no
 * row already there: a threshold ({@code age < 18}), an equality ({@code consent = 'no'}), a short
 * list ({@code site in ('A', 'B')}) or a blank. Up to three such clauses are chosen greedily,
 * joined by {@code or}, each with its coverage.
 */
public final class RowFilterDetector {
  private static final int MAX_CLAUSES = 3;
  private static final int MAX_LIST = 10;

  /** A clause must explain at least this many rows to be more than a coincidence. */
  private static final int MINIMUM_SUPPORT = 3;

  /** Identifiers explain rows only as a last resort. */
  private static final int IDENTIFIER_PENALTY = 10;

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private RowFilterDetector() {}

  /** The rows to explain: how many, and the dictionary code of a row's cell in a column. */
  private record CodedRows(int size, IntBinaryOperator codes) {
    int code(int column, int index) {
      return codes.applyAsInt(column, index);
    }
  }

  /** One clause: which rows it covers, as a test on a dictionary code. */
  private record Clause(
      int column, String text, String textFr, boolean[] coveredCodes, long covered, int rank) {}

  /**
   * Removed rows.
   *
   * @param keptCounts per old column, the kept rows' count of each dictionary code; null for a
   *     column without a usable dictionary
   */
  public static Optional<DetectedIntervention> detect(
      OldRows old, List<long[]> keptCounts, int[] removed) {
    if (removed.length == 0) {
      return Optional.empty();
    }
    CodedRows rows =
        new CodedRows(removed.length, (column, index) -> old.code(column, removed[index]));
    Explained explained = explain(old.profiles(), keptCounts, rows);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("removedRows", removed.length);
    if (explained.chosen().isEmpty()) {
      return Optional.of(
          new DetectedIntervention(
              "row-filter",
              List.of(),
              parameters,
              0.5,
              removed.length
                  + " rows were removed; no simple rule on the old columns explains which.",
              removed.length
                  + " lignes ont été retirées ; aucune règle simple sur les anciennes colonnes n'explique lesquelles.",
              List.of()));
    }
    explained.describe(parameters);
    return Optional.of(
        new DetectedIntervention(
            "row-filter",
            explained.columns(old.profiles()),
            parameters,
            Figures.round(explained.coverage(), 3),
            removed.length
                + " rows were removed; the rule "
                + explained.predicate()
                + " explains "
                + Figures.percent(explained.coverage())
                + " of them and matches no kept row.",
            removed.length
                + " lignes ont été retirées ; la règle "
                + explained.predicatFr()
                + " en explique "
                + Figures.pourcent(explained.coverage())
                + " et ne concerne aucune ligne conservée.",
            List.of()));
  }

  /**
   * Added rows.
   *
   * @param profiles the new version's columns
   * @param keptCounts per new column, the count of each dictionary code among the rows already in
   *     the old version; null for a column without a usable dictionary
   * @param added the added rows' codes, all of them or a uniform sample
   * @param addedRows how many rows were added
   */
  public static Optional<DetectedIntervention> detectAdded(
      List<ColumnProfile> profiles, List<long[]> keptCounts, List<int[]> added, long addedRows) {
    if (addedRows == 0) {
      return Optional.empty();
    }
    CodedRows rows = new CodedRows(added.size(), (column, index) -> added.get(index)[column]);
    Explained explained = explain(profiles, keptCounts, rows);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("addedRows", addedRows);
    if (added.size() < addedRows) {
      parameters.put("sampledRows", added.size());
    }
    if (explained.chosen().isEmpty()) {
      return Optional.of(
          new DetectedIntervention(
              "rows-added",
              List.of(),
              parameters,
              0.5,
              addedRows
                  + " rows were added; no simple rule on the new columns tells them apart from the rows already there.",
              addedRows
                  + " lignes ont été ajoutées ; aucune règle simple sur les nouvelles colonnes ne les distingue des lignes déjà présentes.",
              List.of()));
    }
    explained.describe(parameters);
    String estimated = added.size() < addedRows ? " (estimated on a sample)" : "";
    String estimee = added.size() < addedRows ? " (estimation sur un échantillon)" : "";
    return Optional.of(
        new DetectedIntervention(
            "rows-added",
            explained.columns(profiles),
            parameters,
            Figures.round(explained.coverage(), 3),
            addedRows
                + " rows were added; the rule "
                + explained.predicate()
                + " holds for "
                + Figures.percent(explained.coverage())
                + " of them"
                + estimated
                + " and for no row already there.",
            addedRows
                + " lignes ont été ajoutées ; la règle "
                + explained.predicatFr()
                + " vaut pour "
                + Figures.pourcent(explained.coverage())
                + " d'entre elles"
                + estimee
                + " et pour aucune ligne déjà présente.",
            List.of()));
  }

  /** The clauses chosen, the rows they were chosen on and the share of those they cover. */
  private record Explained(List<Clause> chosen, int rows, double coverage) {
    String predicate() {
      return String.join(" or ", chosen.stream().map(Clause::text).toList());
    }

    String predicatFr() {
      return String.join(" ou ", chosen.stream().map(Clause::textFr).toList());
    }

    List<String> columns(List<ColumnProfile> profiles) {
      List<String> columns = new ArrayList<>();
      for (Clause clause : chosen) {
        String name = profiles.get(clause.column()).name();
        if (!columns.contains(name)) {
          columns.add(name);
        }
      }
      return columns;
    }

    void describe(Map<String, Object> parameters) {
      List<Map<String, Object>> clauses = new ArrayList<>();
      for (Clause clause : chosen) {
        // Each clause covers rows the clauses before it left: the shares add up to the coverage.
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("predicate", clause.text());
        entry.put("coverage", Figures.round(clause.covered() / (double) rows, 4));
        clauses.add(entry);
      }
      parameters.put("predicate", predicate());
      parameters.put("coverage", Figures.round(coverage, 4));
      parameters.put("clauses", clauses);
    }
  }

  private static Explained explain(
      List<ColumnProfile> profiles, List<long[]> keptCounts, CodedRows rows) {
    List<Clause> chosen = new ArrayList<>();
    boolean anyKept =
        keptCounts.stream()
            .filter(Objects::nonNull)
            .anyMatch(counts -> Arrays.stream(counts).sum() > 0);
    if (!anyKept) {
      // With no row left on the other side to tell these rows from, any rule would hold vacuously.
      return new Explained(chosen, rows.size(), 0);
    }
    List<Integer> residual = new ArrayList<>();
    for (int index = 0; index < rows.size(); index++) {
      residual.add(index);
    }
    while (chosen.size() < MAX_CLAUSES && !residual.isEmpty()) {
      Clause best = null;
      for (int column = 0; column < profiles.size(); column++) {
        if (keptCounts.get(column) == null) {
          continue;
        }
        Optional<Clause> clause =
            bestClause(profiles.get(column), column, keptCounts.get(column), rows, residual);
        if (clause.isPresent()
            && (best == null
                || clause.get().covered() > best.covered()
                || clause.get().covered() == best.covered() && clause.get().rank() < best.rank())) {
          best = clause.get();
        }
      }
      if (best == null || best.covered() < Math.max(MINIMUM_SUPPORT, 0.05 * rows.size())) {
        break;
      }
      chosen.add(best);
      Clause applied = best;
      residual.removeIf(index -> applied.coveredCodes()[rows.code(applied.column(), index)]);
    }
    double coverage = rows.size() == 0 ? 0 : (rows.size() - residual.size()) / (double) rows.size();
    return new Explained(chosen, rows.size(), coverage);
  }

  /** Whether a column's cells can be tested by dictionary code. */
  public static boolean usable(ColumnProfile profile, boolean hashed) {
    return !hashed && !profile.overflowed() && profile.dictionarySize() > 1;
  }

  private static Optional<Clause> bestClause(
      ColumnProfile profile,
      int column,
      long[] keptCounts,
      CodedRows rows,
      List<Integer> residual) {
    int size = profile.dictionarySize();
    long[] removedCounts = new long[size];
    for (int index : residual) {
      removedCounts[rows.code(column, index)]++;
    }
    String name = quoteName(profile.name());
    List<Clause> candidates = new ArrayList<>();
    boolean numbers = true;
    boolean dates = true;
    boolean anyKeptValue = false;
    for (int code = 0; code < size; code++) {
      ValueType type = profile.type(code);
      if (type == ValueType.EMPTY) {
        continue;
      }
      numbers &= type.isNumeric();
      dates &= type == ValueType.DATE;
      anyKeptValue |= keptCounts[code] > 0;
    }
    boolean ordered = numbers || dates;
    boolean identifierLike = profile.distinct() > 0.5 * profile.nonBlank();
    if (ordered && anyKeptValue) {
      for (Clause clause : thresholds(profile, name, column, keptCounts, removedCounts, dates)) {
        candidates.add(
            identifierLike
                ? new Clause(
                    column,
                    clause.text(),
                    clause.textFr(),
                    clause.coveredCodes(),
                    clause.covered(),
                    clause.rank() + IDENTIFIER_PENALTY)
                : clause);
      }
    }
    boolean[] onlyRemoved = new boolean[size];
    long covered = 0;
    int listed = 0;
    List<String> values = new ArrayList<>();
    for (int code = 0; code < size; code++) {
      if (removedCounts[code] > 0
          && keptCounts[code] == 0
          && profile.type(code) != ValueType.EMPTY) {
        onlyRemoved[code] = true;
        covered += removedCounts[code];
        listed++;
        values.add(literal(profile.value(code)));
      }
    }
    if (listed > 0 && listed <= MAX_LIST && !identifierLike && !ordered) {
      String text =
          listed == 1
              ? name + " = " + values.get(0)
              : name + " in (" + String.join(", ", values.stream().sorted().toList()) + ")";
      candidates.add(new Clause(column, text, text, onlyRemoved, covered, listed == 1 ? 1 : 4));
    }
    for (int code = 0; code < size; code++) {
      if (profile.type(code) == ValueType.EMPTY
          && removedCounts[code] > 0
          && keptCounts[code] == 0) {
        boolean[] blank = new boolean[size];
        blank[code] = true;
        candidates.add(
            new Clause(
                column, name + " is blank", name + " est vide", blank, removedCounts[code], 2));
      }
    }
    return candidates.stream()
        .max(
            (a, b) ->
                a.covered() != b.covered()
                    ? Long.compare(a.covered(), b.covered())
                    : Integer.compare(b.rank(), a.rank()));
  }

  private static List<Clause> thresholds(
      ColumnProfile profile,
      String name,
      int column,
      long[] keptCounts,
      long[] removedCounts,
      boolean dates) {
    int size = profile.dictionarySize();
    int minKept = -1;
    int maxKept = -1;
    for (int code = 0; code < size; code++) {
      if (profile.type(code) == ValueType.EMPTY || keptCounts[code] == 0) {
        continue;
      }
      if (minKept < 0 || compare(profile, code, minKept, dates) < 0) {
        minKept = code;
      }
      if (maxKept < 0 || compare(profile, code, maxKept, dates) > 0) {
        maxKept = code;
      }
    }
    boolean[] below = new boolean[size];
    boolean[] above = new boolean[size];
    long belowCount = 0;
    long aboveCount = 0;
    for (int code = 0; code < size; code++) {
      if (profile.type(code) == ValueType.EMPTY) {
        continue;
      }
      if (compare(profile, code, minKept, dates) < 0) {
        below[code] = true;
        belowCount += removedCounts[code];
      } else if (compare(profile, code, maxKept, dates) > 0) {
        above[code] = true;
        aboveCount += removedCounts[code];
      }
    }
    List<Clause> clauses = new ArrayList<>();
    String low = dates ? "'" + profile.value(minKept) + "'" : profile.value(minKept);
    String high = dates ? "'" + profile.value(maxKept) + "'" : profile.value(maxKept);
    if (belowCount > 0) {
      clauses.add(
          new Clause(
              column, name + " < " + low, name + " < " + low, below, belowCount, dates ? 1 : 0));
    }
    if (aboveCount > 0) {
      clauses.add(
          new Clause(column, name + " > " + high, name + " > " + high, above, aboveCount, 0));
    }
    return clauses;
  }

  private static int compare(ColumnProfile profile, int first, int second, boolean dates) {
    if (dates) {
      return profile.value(first).compareTo(profile.value(second));
    }
    return Double.compare(
        ValueSyntax.toDouble(profile.value(first)), ValueSyntax.toDouble(profile.value(second)));
  }

  static String quoteName(String name) {
    return PLAIN_NAME.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String value) {
    return ValueSyntax.isNumber(value) ? value : "'" + value.replace("'", "''") + "'";
  }
}
