package org.fabrique.diff.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A report that carries none of the values of the compared files, for readers who may not see them:
 * the samples, evidence, detail rows and duplicated keys, the parameters that are not numbers, the
 * sentences that quote values (summaries, explanations of column changes, problems) and the file
 * names are replaced by {@link #WITHHELD}; the counts, shares, confidences, types of change and
 * column names (through the function given, which may pseudonymise them) are kept, so that the
 * report still says what was done to the data, not to whom.
 */
public final class ReportRedaction {
  /** What a withheld value reads. */
  public static final String WITHHELD = "[withheld]";

  private ReportRedaction() {}

  /** The report without the values of the files; column names pass through {@code names}. */
  public static DiffReport withoutValues(DiffReport report, UnaryOperator<String> names) {
    return new DiffReport(
        report.formatVersion(),
        report.identical(),
        table(report.oldTable(), names),
        table(report.newTable(), names),
        report.columnChanges().stream()
            .map(
                c ->
                    new ColumnChange(
                        c.kind(),
                        c.oldName().map(names),
                        c.newName().map(names),
                        WITHHELD,
                        c.confidence()))
            .toList(),
        report.columns().stream()
            .map(
                c ->
                    new ColumnOverview(
                        c.oldName().map(names),
                        c.newName().map(names),
                        c.change(),
                        c.interventions()))
            .toList(),
        rows(report.rows(), names),
        report.columnEdits().stream()
            .map(
                e ->
                    new ColumnEdits(
                        names.apply(e.oldColumn()),
                        names.apply(e.newColumn()),
                        e.compared(),
                        e.edited(),
                        withheld(e.samples()),
                        e.distinctLostShare(),
                        e.generalisationHeight()))
            .toList(),
        report.interventions().stream().map(i -> intervention(i, names)).toList(),
        report.problems().stream()
            .map(
                p ->
                    new InputProblem(
                        WITHHELD, p.row(), p.column().map(names), p.severity(), WITHHELD))
            .toList(),
        report.detailColumns().stream().map(names).toList(),
        report.detailRows().stream()
            .map(r -> new RowChange(r.action(), cells(r.oldCells()), cells(r.newCells())))
            .toList(),
        report.detailSelection());
  }

  private static TableSummary table(TableSummary table, UnaryOperator<String> names) {
    return new TableSummary(
        WITHHELD,
        table.format(),
        table.encoding(),
        table.delimiter(),
        table.rows(),
        table.columns().stream()
            .map(
                c ->
                    new TableSummary.ColumnSummary(
                        names.apply(c.name()),
                        c.type(),
                        c.nonBlank(),
                        c.blank(),
                        c.distinct(),
                        c.distinctExact()))
            .toList());
  }

  private static RowSummary rows(RowSummary rows, UnaryOperator<String> names) {
    return new RowSummary(
        rows.alignment(),
        rows.keyColumns().stream().map(names).toList(),
        rows.matched(),
        rows.unchanged(),
        rows.changed(),
        rows.removed(),
        rows.added(),
        rows.duplicateKeysOld(),
        rows.duplicateKeysNew(),
        rows.duplicateRowsOld(),
        rows.duplicateRowsNew(),
        cells(rows.duplicateSamples()));
  }

  private static DetectedIntervention intervention(
      DetectedIntervention intervention, UnaryOperator<String> names) {
    List<String> columns = intervention.columns().stream().map(names).toList();
    Map<String, Object> parameters = new LinkedHashMap<>();
    intervention.parameters().forEach((name, value) -> parameters.put(name, parameter(value)));
    String on = columns.isEmpty() ? "" : " (" + String.join(", ", columns) + ")";
    return new DetectedIntervention(
        intervention.type(),
        columns,
        parameters,
        intervention.confidence(),
        ReportText.title(intervention.type())
            + on
            + ": the values are withheld by the redaction profile.",
        titleFr(intervention.type())
            + on
            + " : les valeurs sont masquées par le profil de rédaction.",
        withheld(intervention.evidence()));
  }

  /** Numbers and booleans are kept; anything else may be or hold a value of the files. */
  private static Object parameter(Object value) {
    return value instanceof Number || value instanceof Boolean ? value : WITHHELD;
  }

  private static List<List<String>> withheld(List<List<String>> rows) {
    List<List<String>> out = new ArrayList<>();
    rows.forEach(row -> out.add(cells(row)));
    return out;
  }

  /** Every non-empty cell withheld (an empty cell says nothing). */
  private static List<String> cells(List<String> cells) {
    return cells.stream().map(c -> c.isEmpty() ? "" : WITHHELD).toList();
  }

  private static String titleFr(String type) {
    return switch (type) {
      case "recoding" -> "Recodage";
      case "generalisation" -> "Généralisation";
      case "pseudonymisation" -> "Pseudonymisation";
      case "suppression" -> "Suppression";
      case "noise" -> "Bruit";
      case "row-filter" -> "Lignes retirées";
      case "rows-added" -> "Lignes ajoutées";
      case "column-added" -> "Colonne ajoutée";
      case "column-removed" -> "Colonne retirée";
      case "column-renamed" -> "Colonne renommée";
      case "type-change" -> "Type changé";
      case "date-shift" -> "Dates décalées";
      case "format-change" -> "Format changé";
      case "distribution-shift" -> "Distribution modifiée";
      case "unit-conversion" -> "Unité ou échelle changée";
      case "top-coding" -> "Codage des valeurs hautes";
      case "bottom-coding" -> "Codage des valeurs basses";
      case "column-split" -> "Colonne scindée";
      case "column-merge" -> "Colonnes concaténées";
      default -> type;
    };
  }
}
