package org.fabrique.diff.report;

import java.util.List;

/**
 * The explained difference between two versions of a table. Serialised as JSON with {@link
 * #FORMAT_VERSION}.
 *
 * @param identical true when the versions hold the same columns and the same rows
 * @param columns what became of each column: the overview's column table
 * @param interventions the findings, the most important first
 * @param detailColumns the columns of {@link #detailRows()}: the new version's columns, then the
 *     removed ones
 * @param detailSelection how many rows of each kind changed and how many were kept in detail
 */
public record DiffReport(
    String formatVersion,
    boolean identical,
    TableSummary oldTable,
    TableSummary newTable,
    List<ColumnChange> columnChanges,
    List<ColumnOverview> columns,
    RowSummary rows,
    List<ColumnEdits> columnEdits,
    List<DetectedIntervention> interventions,
    List<InputProblem> problems,
    List<String> detailColumns,
    List<RowChange> detailRows,
    DetailSelection detailSelection) {

  public static final String FORMAT_VERSION = "fabrique-diff/1";

  public DiffReport {
    columnChanges = List.copyOf(columnChanges);
    columns = List.copyOf(columns);
    columnEdits = List.copyOf(columnEdits);
    interventions = List.copyOf(interventions);
    problems = List.copyOf(problems);
    detailColumns = List.copyOf(detailColumns);
    detailRows = List.copyOf(detailRows);
  }
}
