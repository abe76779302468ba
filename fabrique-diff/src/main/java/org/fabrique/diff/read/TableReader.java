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
}
