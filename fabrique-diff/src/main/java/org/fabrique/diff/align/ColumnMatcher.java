package org.fabrique.diff.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.fabrique.diff.align.ColumnMatching.How;
import org.fabrique.diff.align.ColumnMatching.Pair;
import org.fabrique.diff.detect.ColumnRelations;
import org.fabrique.diff.detect.DateAndFormatRelations;
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
    List<Integer> removed =
        new ArrayList<>(freeOld.stream().filter(index -> !usedOld.contains(index)).toList());
    List<Integer> added =
        new ArrayList<>(freeNew.stream().filter(index -> !usedNew.contains(index)).toList());
    List<int[]> aligned = alignedRows(key, named, oldByKey, oldSample, newSample);
    List<ColumnMatching.Transformed> transformed = new ArrayList<>();
    List<ColumnRelations.Combination> combinations = new ArrayList<>();
    if (!aligned.isEmpty()) {
      transformed = transformed(removed, added, aligned, oldSample, newSample);
      for (ColumnMatching.Transformed found : transformed) {
        removed.remove(Integer.valueOf(found.pair().oldIndex()));
        added.remove(Integer.valueOf(found.pair().newIndex()));
        if (!key.isEmpty()) {
          pairs.add(found.pair());
        }
      }
      combinations = combinations(removed, added, aligned, oldSample, newSample);
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
        () -> aligned.isEmpty() ? Map.of() : relations(related, aligned, oldSample, newSample));
  }

  /**
   * For columns kept, a change of unit or scale, top or bottom coding, a date shift or a format
   * change seen on the aligned first rows.
   */
  private static Map<Integer, ColumnRelations.Relation> relations(
      List<Pair> pairs, List<int[]> aligned, TableSample oldSample, TableSample newSample) {
    Map<Integer, ColumnRelations.Relation> relations = new HashMap<>();
    // Each pair's relation is worked out on its own (on two cores when there are two): in a
    // fresh process this runs before the code is compiled, and takes a noticeable time.
    List<Pair> kept = pairs.stream().filter(pair -> pair.how() != How.TRANSFORMED).toList();
    List<Optional<ColumnRelations.Relation>> found =
        kept.parallelStream()
            .map(
                pair ->
                    relation(aligned, pair.oldIndex(), pair.newIndex(), oldSample, newSample)
                        .filter(ColumnMatcher::changesScaleOrCodesExtremes))
            .toList();
    for (int index = 0; index < kept.size(); index++) {
      int newIndex = kept.get(index).newIndex();
      found.get(index).ifPresent(relation -> relations.put(newIndex, relation));
    }
    sameShift(relations, pairs, aligned, oldSample, newSample);
    return relations;
  }

  private static boolean changesScaleOrCodesExtremes(ColumnRelations.Relation relation) {
    return switch (relation.rule()) {
      case "affine", "top-coding", "bottom-coding", "date-shift", "format" -> true;
      default -> false;
    };
  }

  /**
   * Date columns shifted by the same offset on each row (one offset per record, as
   * de-identification draws it): each names the others in {@code sameOffsetAs}.
   */
  private static void sameShift(
      Map<Integer, ColumnRelations.Relation> relations,
      List<Pair> pairs,
      List<int[]> aligned,
      TableSample oldSample,
      TableSample newSample) {
    List<Pair> shifted =
        pairs.stream()
            .filter(
                pair ->
                    relations.containsKey(pair.newIndex())
                        && relations.get(pair.newIndex()).rule().equals("date-shift"))
            .toList();
    if (shifted.size() < 2) {
      return;
    }
    List<Long[]> offsets = new ArrayList<>();
    for (Pair pair : shifted) {
      Long[] column = new Long[aligned.size()];
      for (int row = 0; row < aligned.size(); row++) {
        int[] rows = aligned.get(row);
        column[row] =
            DateAndFormatRelations.offsetDays(
                oldSample.rows().get(rows[0])[pair.oldIndex()].strip(),
                newSample.rows().get(rows[1])[pair.newIndex()].strip());
      }
      offsets.add(column);
    }
    for (int one = 0; one < shifted.size(); one++) {
      List<String> same = new ArrayList<>();
      for (int other = 0; other < shifted.size(); other++) {
        int both = 0;
        int equal = 0;
        for (int row = 0; row < aligned.size(); row++) {
          Long first = offsets.get(one)[row];
          Long second = offsets.get(other)[row];
          if (other != one && first != null && second != null) {
            both++;
            equal += first.equals(second) ? 1 : 0;
          }
        }
        if (both > 0 && equal >= ColumnRelations.MINIMUM_SHARE * both) {
          same.add(shifted.get(other).newName());
        }
      }
      if (!same.isEmpty()) {
        ColumnRelations.Relation relation = relations.get(shifted.get(one).newIndex());
        Map<String, Object> parameters = new java.util.LinkedHashMap<>(relation.parameters());
        parameters.put("sameOffsetAs", same);
        relations.put(
            shifted.get(one).newIndex(),
            new ColumnRelations.Relation(
                relation.rule(),
                relation.kind(),
                parameters,
                relation.share(),
                relation.rows(),
                relation.examples()));
      }
    }
  }

  /** Rows compared to find relations: at most this many aligned pairs of sampled rows. */
  private static final int RELATION_ROWS = 5_000;

  /**
   * Pairs of sampled rows (old position, new position): on the key when there is one, else by
   * position when the row order was kept (most name-matched columns hold the same values at the
   * same positions); empty when rows cannot be aligned.
   */
  private static List<int[]> alignedRows(
      List<Pair> key,
      List<Pair> named,
      Map<String, String[]> oldByKey,
      TableSample oldSample,
      TableSample newSample) {
    List<int[]> aligned = new ArrayList<>();
    if (!key.isEmpty()) {
      Map<String, Integer> oldPositions = new HashMap<>();
      for (int row = 0; row < oldSample.rows().size(); row++) {
        oldPositions.put(keyOf(key, oldSample.rows().get(row), true), row);
      }
      for (int row = 0; row < newSample.rows().size() && aligned.size() < RELATION_ROWS; row++) {
        Integer old = oldPositions.get(keyOf(key, newSample.rows().get(row), false));
        if (old != null) {
          aligned.add(new int[] {old, row});
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

  private static Optional<ColumnRelations.Relation> relation(
      List<int[]> aligned,
      int oldIndex,
      int newIndex,
      TableSample oldSample,
      TableSample newSample) {
    return ColumnRelations.find(
        values(aligned, 0, oldIndex, oldSample), values(aligned, 1, newIndex, newSample));
  }

  private static List<String> values(
      List<int[]> aligned, int side, int column, TableSample sample) {
    List<String> values = new ArrayList<>(aligned.size());
    for (int[] rows : aligned) {
      values.add(sample.rows().get(rows[side])[column]);
    }
    return values;
  }

  /**
   * Each removed column with the added column its values became, when a relation explains most
   * aligned rows; the best explained first, a name alike breaking ties.
   */
  private static List<ColumnMatching.Transformed> transformed(
      List<Integer> removed,
      List<Integer> added,
      List<int[]> aligned,
      TableSample oldSample,
      TableSample newSample) {
    List<ColumnMatching.Transformed> candidates = new ArrayList<>();
    for (int oldIndex : removed) {
      for (int newIndex : added) {
        Optional<ColumnRelations.Relation> relation =
            relation(aligned, oldIndex, newIndex, oldSample, newSample);
        if (relation.isPresent()) {
          candidates.add(
              new ColumnMatching.Transformed(
                  new Pair(
                      oldIndex,
                      newIndex,
                      oldSample.header().get(oldIndex),
                      newSample.header().get(newIndex),
                      How.TRANSFORMED,
                      Math.round(relation.get().share() * 100) / 100.0),
                  relation.get()));
        }
      }
    }
    candidates.sort(
        Comparator.comparingDouble(
                (ColumnMatching.Transformed found) ->
                    found.relation().share()
                        + 0.001 * nameLikeness(found.pair().oldName(), found.pair().newName()))
            .reversed());
    Set<Integer> usedOld = new HashSet<>();
    Set<Integer> usedNew = new HashSet<>();
    List<ColumnMatching.Transformed> chosen = new ArrayList<>();
    for (ColumnMatching.Transformed candidate : candidates) {
      if (usedOld.add(candidate.pair().oldIndex())) {
        if (usedNew.add(candidate.pair().newIndex())) {
          chosen.add(candidate);
        } else {
          usedOld.remove(candidate.pair().oldIndex());
        }
      }
    }
    return chosen;
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

  /** Columns split in two, and pairs of columns concatenated into one. */
  private static List<ColumnRelations.Combination> combinations(
      List<Integer> removed,
      List<Integer> added,
      List<int[]> aligned,
      TableSample oldSample,
      TableSample newSample) {
    List<ColumnRelations.Combination> found = new ArrayList<>();
    if (removed.size() > 30 || added.size() > 30) {
      return found;
    }
    Set<Integer> used = new HashSet<>();
    for (int oldIndex : removed) {
      List<String> whole = values(aligned, 0, oldIndex, oldSample);
      search:
      for (int first : added) {
        for (int second : added) {
          if (first != second && !used.contains(first) && !used.contains(second)) {
            Optional<ColumnRelations.Combination> split =
                ColumnRelations.combined(
                    true,
                    whole,
                    values(aligned, 1, first, newSample),
                    values(aligned, 1, second, newSample),
                    oldIndex,
                    List.of(first, second));
            if (split.isPresent()) {
              found.add(split.get());
              used.add(first);
              used.add(second);
              break search;
            }
          }
        }
      }
    }
    Set<Integer> usedOld = new HashSet<>();
    for (int newIndex : added) {
      if (used.contains(newIndex)) {
        continue;
      }
      List<String> whole = values(aligned, 1, newIndex, newSample);
      search:
      for (int first : removed) {
        for (int second : removed) {
          if (first != second && !usedOld.contains(first) && !usedOld.contains(second)) {
            Optional<ColumnRelations.Combination> merge =
                ColumnRelations.combined(
                    false,
                    whole,
                    values(aligned, 0, first, oldSample),
                    values(aligned, 0, second, oldSample),
                    newIndex,
                    List.of(first, second));
            if (merge.isPresent()) {
              found.add(merge.get());
              usedOld.add(first);
              usedOld.add(second);
              break search;
            }
          }
        }
      }
    }
    return found;
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
