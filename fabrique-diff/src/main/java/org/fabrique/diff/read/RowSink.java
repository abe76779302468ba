package org.fabrique.diff.read;

/** Receives the data rows of a table, one at a time, in file order. */
@FunctionalInterface
public interface RowSink {
  /**
   * @param cells the row's cells, exactly as many as the header has columns (blank cells are empty
   *     strings)
   * @param rowNumber 1-based number of the data row
   * @return false to stop reading
   */
  boolean accept(String[] cells, long rowNumber);
}
