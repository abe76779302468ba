package org.fabrique.diff.report;

import java.util.List;

/** What was read from one input: its format, the dialect detected, its size and its columns. */
public record TableSummary(
    String file,
    String format,
    String encoding,
    String delimiter,
    long rows,
    List<ColumnSummary> columns) {

  public TableSummary {
    columns = List.copyOf(columns);
  }

  /** A column as profiled over the whole file. */
  public record ColumnSummary(
      String name, String type, long nonBlank, long blank, long distinct, boolean distinctExact) {}
}
