package org.fabrique.diff.align;

import java.util.List;

/**
 * Which old column became which new column.
 *
 * @param pairs matched columns, in the new version's order
 * @param removed indexes of old columns with no partner
 * @param added indexes of new columns with no partner
 */
public record ColumnMatching(List<Pair> pairs, List<Integer> removed, List<Integer> added) {

  public ColumnMatching {
    pairs = List.copyOf(pairs);
    removed = List.copyOf(removed);
    added = List.copyOf(added);
  }

  /** How a pair was found. */
  public enum How {
    NAME,
    CONTENT
  }

  /**
   * @param how by name, or by content (a rename)
   * @param confidence 1 for a name match
   */
  public record Pair(
      int oldIndex, int newIndex, String oldName, String newName, How how, double confidence) {}
}
