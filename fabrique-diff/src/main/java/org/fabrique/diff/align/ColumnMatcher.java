package org.fabrique.diff.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.fabrique.diff.align.ColumnMatching.How;
import org.fabrique.diff.align.ColumnMatching.Pair;
import org.fabrique.diff.detect.ColumnRelations;
import org.fabrique.diff.profile.ColumnProfile;

/**
 * Matches columns by name (exactly, then ignoring case and punctuation), then the rest by content:
 * value-set similarity, type, blank rate, cardinality, and, when rows can be aligned on a key, how
 * often the two columns hold the same value on the same row.
 */
public final class ColumnMatcher {
  private static final double RENAME_THRESHOLD = 0.7;

  private ColumnMatcher() {}

  public static List<Pair> byName(List<String> oldHeader, List<String> newHeader) {
    List<Pair> pairs = new ArrayList<>();
    Set<Integer> usedOld = new HashSet<>();
    Map<String, Integer> oldByName = new HashMap<>();
    for (int index = 0; index < oldHeader.size(); index++) {
      oldByName.putIfAbsent(oldHeader.get(index), index);
    }
    List<Integer> unmatchedNew = new ArrayList<>();
    for (int index = 0; index < newHeader.size(); index++) {
      Integer old = oldByName.get(newHeader.get(index));
      if (old != null && usedOld.add(old)) {
        pairs.add(new Pair(old, index, oldHeader.get(old), newHeader.get(index), How.NAME, 1));
      } else {
        unmatchedNew.add(index);
      }
    }
    for (int index : unmatchedNew) {
      for (int old = 0; old < oldHeader.size(); old++) {
        if (!usedOld.contains(old)
            && normalised(oldHeader.get(old)).equals(normalised(newHeader.get(index)))) {
          usedOld.add(old);
          pairs.add(new Pair(old, index, oldHeader.get(old), newHeader.get(index), How.NAME, 1));
          break;
        }
      }
    }
    pairs.sort(Comparator.comparingInt(Pair::newIndex));
    return pairs;
  }

  static String normalised(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** Completes name matches with renames found by content. */
  public static ColumnMatching withRenames(
      List<Pair> named, List<Pair> key, TableSample oldSample, TableSample newSample) {
    Pending pending = matchColumns(named, key, oldSample, newSample);
    return pending.matching().withRelations(pending.relations().get());
  }

  /**
   * A matching whose {@link ColumnMatching#relations} are still to be worked out: the passes need
   * the pairs only, and the relations (worked out on the first rows) can be found meanwhile.
   */
  public record Pending(
      ColumnMatching matching, Supplier<Map<Integer, ColumnRelations.Relation>> relations) {}

  /** As {@link #withRenames}, the relations of the pairs left to work out when asked for. */
  public static Pending matchColumns(
      List<Pair> named, List<Pair> key, TableSample oldSample, TableSample newSample) {
    Set<Integer> usedOld = new HashSet<>();
    Set<Integer> usedNew = new HashSet<>();
    for (Pair pair : named) {
      usedOld.add(pair.oldIndex());
      usedNew.add(pair.newIndex());
    }
    List<Integer> freeOld = new ArrayList<>();
    for (int index = 0; index < oldSample.header().size(); index++) {
      if (!usedOld.contains(index)) {
        freeOld.add(index);
      }
    }
    List<Integer> freeNew = new ArrayList<>();
    for (int index = 0; index < newSample.header().size(); index++) {
      if (!usedNew.contains(index)) {
        freeNew.add(index);
      }
    }
    int[] oldOfNew = key.isEmpty() ? null : oldRowsByKey(key, oldSample, newSample);
    List<Pair> candidates = new ArrayList<>();
    for (int oldIndex : freeOld) {
      for (int newIndex : freeNew) {
        double score = score(oldIndex, newIndex, oldOfNew, oldSample, newSample);
        if (score >= RENAME_THRESHOLD) {
          candidates.add(
              new Pair(
                  oldIndex,
                  newIndex,
                  oldSample.header().get(oldIndex),
                  newSample.header().get(newIndex),
                  How.CONTENT,
                  Math.round(score * 100) / 100.0));
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Pair::confidence).reversed());
    List<Pair> pairs = new ArrayList<>(named);
    for (Pair candidate : candidates) {
      if (!usedOld.contains(candidate.oldIndex()) && !usedNew.contains(candidate.newIndex())) {
        usedOld.add(candidate.oldIndex());
        usedNew.add(candidate.newIndex());
        pairs.add(candidate);
      }
    }
    List<Integer> removed =
        new ArrayList<>(freeOld.stream().filter(index -> !usedOld.contains(index)).toList());
    List<Integer> added =
        new ArrayList<>(freeNew.stream().filter(index -> !usedNew.contains(index)).toList());
    List<int[]> aligned = alignedRows(named, oldOfNew, oldSample, newSample);
    List<ColumnMatching.Transformed> transformed = new ArrayList<>();
    List<ColumnRelations.Combination> combinations = new ArrayList<>();
    if (!aligned.isEmpty()) {
      transformed = AlignedColumns.transformed(removed, added, aligned, oldSample, newSample);
      for (ColumnMatching.Transformed found : transformed) {
        removed.remove(Integer.valueOf(found.pair().oldIndex()));
        added.remove(Integer.valueOf(found.pair().newIndex()));
        if (!key.isEmpty()) {
          pairs.add(found.pair());
        }
      }
      combinations = AlignedColumns.combinations(removed, added, aligned, oldSample, newSample);
      for (ColumnRelations.Combination combination : combinations) {
        for (int part : combination.parts()) {
          (combination.split() ? added : removed).remove(Integer.valueOf(part));
        }
        (combination.split() ? removed : added).remove(Integer.valueOf(combination.whole()));
      }
    }
    List<Pair> related = List.copyOf(pairs);
    pairs.sort(Comparator.comparingInt(Pair::newIndex));
    return new Pending(
        new ColumnMatching(pairs, removed, added, transformed, combinations, Map.of()),
        () ->
            aligned.isEmpty()
                ? Map.of()
                : AlignedColumns.relations(related, aligned, oldSample, newSample));
  }

  /** Rows compared to find relations: at most this many aligned pairs of sampled rows. */
  private static final int RELATION_ROWS = 5_000;

  /**
   * Pairs of sampled rows (old position, new position): on the key when there is one, else by
   * position when the row order was kept (most name-matched columns hold the same values at the
   * same positions); empty when rows cannot be aligned.
   */
  private static List<int[]> alignedRows(
      List<Pair> named, int[] oldOfNew, TableSample oldSample, TableSample newSample) {
    List<int[]> aligned = new ArrayList<>();
    if (oldOfNew != null) {
      for (int row = 0; row < oldOfNew.length && aligned.size() < RELATION_ROWS; row++) {
        if (oldOfNew[row] >= 0) {
          aligned.add(new int[] {oldOfNew[row], row});
        }
      }
      return aligned.size() >= ColumnRelations.MINIMUM_ROWS ? aligned : List.of();
    }
    int rows = Math.min(Math.min(oldSample.rows().size(), newSample.rows().size()), RELATION_ROWS);
    if (named.isEmpty() || rows < ColumnRelations.MINIMUM_ROWS) {
      return List.of();
    }
    int inOrder = 0;
    for (Pair pair : named) {
      int equal = 0;
      for (int row = 0; row < rows; row++) {
        equal +=
            oldSample
                    .rows()
                    .get(row)[pair.oldIndex()]
                    .equals(newSample.rows().get(row)[pair.newIndex()])
                ? 1
                : 0;
      }
      inOrder += equal >= 0.9 * rows ? 1 : 0;
    }
    if (inOrder * 2 < named.size()) {
      return List.of();
    }
    for (int row = 0; row < rows; row++) {
      aligned.add(new int[] {row, row});
    }
    return aligned;
  }

  /** The share of the shorter name that starts the other (nir, nir_pseudo: 1). */
  static double nameLikeness(String oldName, String newName) {
    String a = normalised(oldName);
    String b = normalised(newName);
    int common = 0;
    while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
      common++;
    }
    int shorter = Math.min(a.length(), b.length());
    return shorter == 0 ? 0 : common / (double) shorter;
  }

  private static double score(
      int oldIndex, int newIndex, int[] oldOfNew, TableSample oldSample, TableSample newSample) {
    ColumnProfile oldProfile = oldSample.profiles().get(oldIndex);
    ColumnProfile newProfile = newSample.profiles().get(newIndex);
    double values = oldProfile.sketch().jaccard(newProfile.sketch());
    double type = oldProfile.type() == newProfile.type() ? 1 : 0;
    double blanks = 1 - Math.abs(oldProfile.blankShare() - newProfile.blankShare());
    double oldDistinct = oldProfile.distinct();
    double newDistinct = newProfile.distinct();
    double cardinality =
        Math.max(oldDistinct, newDistinct) == 0
            ? 1
            : Math.min(oldDistinct, newDistinct) / Math.max(oldDistinct, newDistinct);
    double profile = (type + blanks + cardinality) / 3;
    if (oldOfNew == null) {
      double score = 0.6 * values + 0.4 * profile;
      // Few distinct values (0/1, yes/no) look alike in unrelated columns: never sure without rows.
      return Math.max(oldDistinct, newDistinct) < 20 ? Math.min(score, 0.69) : score;
    }
    long aligned = 0;
    long equal = 0;
    for (int row = 0; row < oldOfNew.length; row++) {
      if (oldOfNew[row] >= 0) {
        aligned++;
        if (oldSample
            .rows()
            .get(oldOfNew[row])[oldIndex]
            .equals(newSample.rows().get(row)[newIndex])) {
          equal++;
        }
      }
    }
    if (aligned == 0) {
      return Math.min(0.6 * values + 0.4 * profile, 0.69);
    }
    double agreement = equal / (double) aligned;
    return 0.6 * agreement + 0.25 * values + 0.15 * profile;
  }

  /**
   * For each sampled new row, the position of the last sampled old row with the same key, or -1:
   * worked out once for every pair of columns scored and for the rows their relations are read on.
   */
  private static int[] oldRowsByKey(List<Pair> key, TableSample oldSample, TableSample newSample) {
    Map<String, Integer> oldPositions = new HashMap<>();
    for (int row = 0; row < oldSample.rows().size(); row++) {
      oldPositions.put(keyOf(key, oldSample.rows().get(row), true), row);
    }
    int[] oldOfNew = new int[newSample.rows().size()];
    for (int row = 0; row < oldOfNew.length; row++) {
      Integer old = oldPositions.get(keyOf(key, newSample.rows().get(row), false));
      oldOfNew[row] = old == null ? -1 : old;
    }
    return oldOfNew;
  }

  private static String keyOf(List<Pair> key, String[] row, boolean oldSide) {
    if (key.size() == 1) {
      return row[oldSide ? key.get(0).oldIndex() : key.get(0).newIndex()];
    }
    StringBuilder builder = new StringBuilder();
    for (Pair pair : key) {
      builder.append(row[oldSide ? pair.oldIndex() : pair.newIndex()]).append('\u0001');
    }
    return builder.toString();
  }
}
