package org.fabrique.diff.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fabrique.diff.align.ColumnMatching.How;
import org.fabrique.diff.align.ColumnMatching.Pair;
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
    Map<String, String[]> oldByKey = key.isEmpty() ? Map.of() : indexByKey(key, oldSample);
    List<Pair> candidates = new ArrayList<>();
    for (int oldIndex : freeOld) {
      for (int newIndex : freeNew) {
        double score = score(oldIndex, newIndex, key, oldByKey, oldSample, newSample);
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
    pairs.sort(Comparator.comparingInt(Pair::newIndex));
    List<Integer> removed = freeOld.stream().filter(index -> !usedOld.contains(index)).toList();
    List<Integer> added = freeNew.stream().filter(index -> !usedNew.contains(index)).toList();
    return new ColumnMatching(pairs, removed, added);
  }

  private static double score(
      int oldIndex,
      int newIndex,
      List<Pair> key,
      Map<String, String[]> oldByKey,
      TableSample oldSample,
      TableSample newSample) {
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
    if (oldByKey.isEmpty()) {
      double score = 0.6 * values + 0.4 * profile;
      // Few distinct values (0/1, yes/no) look alike in unrelated columns: never sure without rows.
      return Math.max(oldDistinct, newDistinct) < 20 ? Math.min(score, 0.69) : score;
    }
    long aligned = 0;
    long equal = 0;
    for (String[] row : newSample.rows()) {
      String[] oldRow = oldByKey.get(keyOf(key, row, false));
      if (oldRow != null) {
        aligned++;
        if (oldRow[oldIndex].equals(row[newIndex])) {
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

  private static Map<String, String[]> indexByKey(List<Pair> key, TableSample sample) {
    Map<String, String[]> rows = new HashMap<>();
    for (String[] row : sample.rows()) {
      rows.put(keyOf(key, row, true), row);
    }
    return rows;
  }

  private static String keyOf(List<Pair> key, String[] row, boolean oldSide) {
    StringBuilder builder = new StringBuilder();
    for (Pair pair : key) {
      builder.append(row[oldSide ? pair.oldIndex() : pair.newIndex()]).append('\u0001');
    }
    return builder.toString();
  }
}
