package org.fabrique.diff;

import java.util.List;

/**
 * How to compare two tables.
 *
 * @param keyColumns columns that identify a row; empty to discover a key, or to align whole rows
 *     when none is found
 * @param detailRows at most this many rows are kept for the cell-level (daff) view
 */
public record DiffOptions(List<String> keyColumns, int detailRows) {

  public static final int DEFAULT_DETAIL_ROWS = 1_000;

  public DiffOptions {
    keyColumns = List.copyOf(keyColumns);
    if (detailRows < 0) {
      throw new IllegalArgumentException("detailRows must not be negative");
    }
  }

  public static DiffOptions defaults() {
    return new DiffOptions(List.of(), DEFAULT_DETAIL_ROWS);
  }

  public static DiffOptions withKey(List<String> keyColumns) {
    return new DiffOptions(keyColumns, DEFAULT_DETAIL_ROWS);
  }
}
