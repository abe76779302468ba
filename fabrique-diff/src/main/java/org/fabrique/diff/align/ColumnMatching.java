package org.fabrique.diff.align;

import java.util.List;
import java.util.Map;
import org.fabrique.diff.detect.ColumnRelations;

/**
 * Which old column became which new column.
 *
 * @param pairs matched columns, in the new version's order (with the renamed and transformed ones
 *     when rows are aligned on a key, so that their cells are compared)
 * @param removed indexes of old columns with no partner
 * @param added indexes of new columns with no partner
 * @param transformed old columns renamed and transformed, with the relation that pairs them
 * @param combinations old columns split in two, or two old columns concatenated
 * @param relations for columns kept under their name, by new index, a change of unit or scale or a
 *     top or bottom coding that explains their edits on the first rows
 */
public record ColumnMatching(
    List<Pair> pairs,
    List<Integer> removed,
    List<Integer> added,
    List<Transformed> transformed,
    List<ColumnRelations.Combination> combinations,
    Map<Integer, ColumnRelations.Relation> relations) {

  public ColumnMatching {
    pairs = List.copyOf(pairs);
    removed = List.copyOf(removed);
    added = List.copyOf(added);
    transformed = List.copyOf(transformed);
    combinations = List.copyOf(combinations);
    relations = Map.copyOf(relations);
  }

  public ColumnMatching(List<Pair> pairs, List<Integer> removed, List<Integer> added) {
    this(pairs, removed, added, List.of(), List.of(), Map.of());
  }

  /** The same matching with the relations of its kept columns. */
  public ColumnMatching withRelations(Map<Integer, ColumnRelations.Relation> found) {
    return new ColumnMatching(pairs, removed, added, transformed, combinations, found);
  }

  /** A removed column paired with the added column it became, and how. */
  public record Transformed(Pair pair, ColumnRelations.Relation relation) {}

  /** How a pair was found. */
  public enum How {
    NAME,
    CONTENT,
    /** Renamed and transformed: paired by a relation between their values on aligned rows. */
    TRANSFORMED
  }

  /**
   * @param how by name, or by content (a rename)
   * @param confidence 1 for a name match
   */
  public record Pair(
      int oldIndex, int newIndex, String oldName, String newName, How how, double confidence) {}
}
