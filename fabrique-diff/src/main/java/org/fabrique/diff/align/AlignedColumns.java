package org.fabrique.diff.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.diff.align.ColumnMatching.How;
import org.fabrique.diff.align.ColumnMatching.Pair;
import org.fabrique.diff.detect.ColumnRelations;
import org.fabrique.diff.detect.DateAndFormatRelations;

/**
 * What the aligned first rows of two tables tell of their columns: how a kept column's values
 * changed (scale, coding of extremes, date shift, format), which removed column became which added
 * one, and which columns were split in two or concatenated into one.
 */
final class AlignedColumns {
  private AlignedColumns() {}

  /**
   * For columns kept, a change of unit or scale, top or bottom coding, a date shift or a format
   * change seen on the aligned first rows.
   */
  static Map<Integer, ColumnRelations.Relation> relations(
      List<Pair> pairs, List<int[]> aligned, TableSample oldSample, TableSample newSample) {
    Map<Integer, ColumnRelations.Relation> relations = new HashMap<>();
    // Each pair's relation is worked out on its own (on two cores when there are two): in a
    // fresh process this runs before the code is compiled, and takes a noticeable time.
    List<Pair> kept = pairs.stream().filter(pair -> pair.how() != How.TRANSFORMED).toList();
    List<Optional<ColumnRelations.Relation>> found =
        kept.parallelStream()
            .map(
                pair ->
                    ColumnRelations.findOnKeptColumn(
                        values(aligned, 0, pair.oldIndex(), oldSample),
                        values(aligned, 1, pair.newIndex(), newSample)))
            .toList();
    for (int index = 0; index < kept.size(); index++) {
      int newIndex = kept.get(index).newIndex();
      found.get(index).ifPresent(relation -> relations.put(newIndex, relation));
    }
    sameShift(relations, pairs, aligned, oldSample, newSample);
    return relations;
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
        Map<String, Object> parameters = new LinkedHashMap<>(relation.parameters());
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
  static List<ColumnMatching.Transformed> transformed(
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
                        + 0.001
                            * ColumnMatcher.nameLikeness(
                                found.pair().oldName(), found.pair().newName()))
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

  /** Columns split in two, and pairs of columns concatenated into one. */
  static List<ColumnRelations.Combination> combinations(
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
}
