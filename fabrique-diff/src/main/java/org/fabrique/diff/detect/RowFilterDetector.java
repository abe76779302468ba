package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.profile.ValueType;
import org.fabrique.diff.read.ValueSyntax;
import org.fabrique.diff.report.DetectedIntervention;

/**
 * Explains removed rows by a predicate on the old columns that holds for removed rows and for no
 * kept row: a threshold ({@code age < 18}), an equality ({@code consent = 'no'}), a short list
 * ({@code site in ('A', 'B')}) or a blank. Up to three such clauses are chosen greedily, joined by
 * {@code or}, each with its coverage.
 */
public final class RowFilterDetector {
  private static final int MAX_CLAUSES = 3;
  private static final int MAX_LIST = 10;

  /** A clause must explain at least this many removed rows to be more than a coincidence. */
  private static final int MINIMUM_SUPPORT = 3;

  /** Identifiers explain rows only as a last resort. */
  private static final int IDENTIFIER_PENALTY = 10;

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private RowFilterDetector() {}

  /** One clause: which old rows it covers, as a test on a dictionary code. */
  private record Clause(
      int column, String text, String textFr, boolean[] coveredCodes, long covered, int rank) {}

  public static Optional<DetectedIntervention> detect(OldRows old, BitSet kept, int[] removed) {
    if (removed.length == 0) {
      return Optional.empty();
    }
    List<Clause> chosen = new ArrayList<>();
    List<Integer> residual = new ArrayList<>();
    for (int row : removed) {
      residual.add(row);
    }
    List<long[]> keptCounts = new ArrayList<>();
    for (int column = 0; column < old.profiles().size(); column++) {
      keptCounts.add(usable(old, column) ? countKept(old, column, kept) : null);
    }
    while (chosen.size() < MAX_CLAUSES && !residual.isEmpty()) {
      Clause best = null;
      for (int column = 0; column < old.profiles().size(); column++) {
        if (keptCounts.get(column) == null) {
          continue;
        }
        Optional<Clause> clause = bestClause(old, column, keptCounts.get(column), residual);
        if (clause.isPresent()
            && (best == null
                || clause.get().covered() > best.covered()
                || clause.get().covered() == best.covered() && clause.get().rank() < best.rank())) {
          best = clause.get();
        }
      }
      if (best == null || best.covered() < Math.max(MINIMUM_SUPPORT, 0.05 * removed.length)) {
        break;
      }
      chosen.add(best);
      Clause applied = best;
      residual.removeIf(row -> applied.coveredCodes()[old.code(applied.column(), row)]);
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("removedRows", removed.length);
    if (chosen.isEmpty()) {
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
    double coverage = (removed.length - residual.size()) / (double) removed.length;
    List<Map<String, Object>> clauses = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    for (Clause clause : chosen) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("predicate", clause.text());
      entry.put("coverage", Figures.round(clause.covered() / (double) removed.length, 4));
      clauses.add(entry);
      String name = old.profiles().get(clause.column()).name();
      if (!columns.contains(name)) {
        columns.add(name);
      }
    }
    String predicate = String.join(" or ", chosen.stream().map(Clause::text).toList());
    String predicatFr = String.join(" ou ", chosen.stream().map(Clause::textFr).toList());
    parameters.put("predicate", predicate);
    parameters.put("coverage", Figures.round(coverage, 4));
    parameters.put("clauses", clauses);
    return Optional.of(
        new DetectedIntervention(
            "row-filter",
            columns,
            parameters,
            Figures.round(coverage, 3),
            removed.length
                + " rows were removed; the rule "
                + predicate
                + " explains "
                + Figures.percent(coverage)
                + " of them and matches no kept row.",
            removed.length
                + " lignes ont été retirées ; la règle "
                + predicatFr
                + " en explique "
                + Figures.pourcent(coverage)
                + " et ne concerne aucune ligne conservée.",
            List.of()));
  }

  private static boolean usable(OldRows old, int column) {
    ColumnProfile profile = old.profiles().get(column);
    return !old.hashed(column) && !profile.overflowed() && profile.dictionarySize() > 1;
  }

  private static long[] countKept(OldRows old, int column, BitSet kept) {
    long[] counts = new long[old.profiles().get(column).dictionarySize()];
    for (int row = kept.nextSetBit(0); row >= 0; row = kept.nextSetBit(row + 1)) {
      counts[old.code(column, row)]++;
    }
    return counts;
  }

  private static Optional<Clause> bestClause(
      OldRows old, int column, long[] keptCounts, List<Integer> residual) {
    ColumnProfile profile = old.profiles().get(column);
    int size = profile.dictionarySize();
    long[] removedCounts = new long[size];
    for (int row : residual) {
      removedCounts[old.code(column, row)]++;
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
        Double.parseDouble(profile.value(first)), Double.parseDouble(profile.value(second)));
  }

  static String quoteName(String name) {
    return PLAIN_NAME.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String value) {
    return ValueSyntax.isNumber(value) ? value : "'" + value.replace("'", "''") + "'";
  }
}
