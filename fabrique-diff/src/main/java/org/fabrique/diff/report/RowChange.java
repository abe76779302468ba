package org.fabrique.diff.report;

import java.util.List;

/**
 * One row reported in detail, for the cell-level (daff) view. Cells follow {@link
 * DiffReport#detailColumns()}; for an edited row, an edited cell holds the old and the new value.
 *
 * @param action {@code +++} added, {@code ---} removed, {@code ->} edited
 */
public record RowChange(String action, List<String> oldCells, List<String> newCells) {

  public RowChange {
    oldCells = List.copyOf(oldCells);
    newCells = List.copyOf(newCells);
  }
}
