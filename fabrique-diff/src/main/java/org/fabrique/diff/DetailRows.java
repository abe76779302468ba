package org.fabrique.diff;

import java.util.ArrayList;
import java.util.List;
import org.fabrique.diff.align.ColumnMatching;
import org.fabrique.diff.align.Pairing;
import org.fabrique.diff.report.RowChange;

/** The rows kept for the cell-level view, laid out on the new columns then the removed ones. */
final class DetailRows {
  /** Looks up an old cell's text. */
  @FunctionalInterface
  interface OldCells {
    String value(int column, int ordinal);
  }

  private final List<String> columns = new ArrayList<>();
  private final int[] oldIndexOfColumn;
  private final int newWidth;
  private final OldCells oldCells;

  DetailRows(
      List<String> oldHeader, List<String> newHeader, ColumnMatching matching, OldCells oldCells) {
    this.oldCells = oldCells;
    newWidth = newHeader.size();
    columns.addAll(newHeader);
    for (int index : matching.removed()) {
      columns.add(oldHeader.get(index));
    }
    oldIndexOfColumn = new int[columns.size()];
    java.util.Arrays.fill(oldIndexOfColumn, -1);
    for (ColumnMatching.Pair pair : matching.pairs()) {
      oldIndexOfColumn[pair.newIndex()] = pair.oldIndex();
    }
    for (int position = 0; position < matching.removed().size(); position++) {
      oldIndexOfColumn[newWidth + position] = matching.removed().get(position);
    }
  }

  List<String> columns() {
    return columns;
  }

  List<RowChange> rows(List<Pairing.DetailRef> details) {
    List<RowChange> rows = new ArrayList<>();
    for (Pairing.DetailRef detail : details) {
      List<String> oldValues = new ArrayList<>();
      List<String> newValues = new ArrayList<>();
      for (int column = 0; column < columns.size(); column++) {
        int oldColumn = oldIndexOfColumn[column];
        oldValues.add(
            detail.oldOrdinal() >= 0 && oldColumn >= 0
                ? oldCells.value(oldColumn, detail.oldOrdinal())
                : "");
        newValues.add(
            detail.newCells() != null && column < newWidth ? detail.newCells()[column] : "");
      }
      rows.add(new RowChange(detail.action(), oldValues, newValues));
    }
    return rows;
  }
}
