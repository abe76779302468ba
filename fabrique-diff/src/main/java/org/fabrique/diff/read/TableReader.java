package org.fabrique.diff.read;

import java.util.List;

/**
 * A table read as a stream of rows of text cells. A reader may be read several times; each {@link
 * #read} starts again at the first data row.
 */
public interface TableReader {

  /** The format name shown in reports: {@code csv}, {@code xlsx}, {@code sas7bdat}, ... */
  String format();

  /** The character encoding used, or the format's own when it has one. */
  String encoding();

  /** The field delimiter, for delimited text; empty otherwise. */
  String delimiter();

  /** Column names, made unique and non-empty (repairs are logged when the reader is opened). */
  List<String> header();

  /**
   * Streams the data rows to {@code sink}. Problems met on the way are added to {@code problems};
   * reading stops, with an error problem, where the input cannot be read any further.
   *
   * @return the number of data rows delivered
   */
  long read(RowSink sink, ProblemLog problems);

  /** Receives full batches of rows (and the last, partial one). */
  @FunctionalInterface
  interface BatchSink {
    /**
     * @return an empty batch to fill next, or null to stop reading
     */
    CellBatch accept(CellBatch full);
  }

  /**
   * Streams the data rows in batches of {@code capacity} rows, with the hash and type of each cell
   * worked out on the reading thread. Readers that can avoid making a string of every cell do.
   *
   * @return the number of data rows delivered
   */
  default long read(int capacity, BatchSink sink, ProblemLog problems) {
    int width = header().size();
    CellBatch[] batch = {new CellBatch(width, capacity)};
    long rows =
        read(
            (cells, rowNumber) -> {
              for (String cell : cells) {
                batch[0].append(cell);
              }
              batch[0].endRow(rowNumber);
              if (batch[0].isFull()) {
                batch[0] = sink.accept(batch[0]);
              }
              return batch[0] != null;
            },
            problems);
    if (batch[0] != null && batch[0].rows() > 0) {
      sink.accept(batch[0]);
    }
    return rows;
  }
}
