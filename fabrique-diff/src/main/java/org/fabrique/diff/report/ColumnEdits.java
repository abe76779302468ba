package org.fabrique.diff.report;

import java.util.List;

/**
 * Cell edits in one column over the paired rows, with a few samples (key, old value, new value),
 * and the information lost in that column.
 *
 * @param distinctLostShare share of the old column's distinct values that no longer exist
 * @param generalisationHeight levels climbed in a generalisation hierarchy (0 when none)
 */
public record ColumnEdits(
    String oldColumn,
    String newColumn,
    long compared,
    long edited,
    List<List<String>> samples,
    double distinctLostShare,
    int generalisationHeight) {

  public ColumnEdits {
    samples = samples.stream().map(List::copyOf).toList();
  }
}
