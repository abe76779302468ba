package org.fabrique.diff.report;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reports as Markdown, for a terminal, a pull request or a notebook. */
public final class MarkdownReports {
  private MarkdownReports() {}

  public static void write(DiffReport report, Writer writer) {
    PrintWriter out = new PrintWriter(writer);
    out.printf(
        Locale.ROOT,
        "# Differences between %s and %s%n%n",
        report.oldTable().file(),
        report.newTable().file());
    out.printf(Locale.ROOT, "%s%n%n", ReportText.headline(report));
    out.printf(
        Locale.ROOT,
        "- Old: %d rows, %d columns (%s)%n- New: %d rows, %d columns (%s)%n- Alignment: %s%n",
        report.oldTable().rows(),
        report.oldTable().columns().size(),
        report.oldTable().format(),
        report.newTable().rows(),
        report.newTable().columns().size(),
        report.newTable().format(),
        ReportText.alignment(report.rows()));
    if (report.rows().duplicateKeysOld() + report.rows().duplicateKeysNew() > 0) {
      out.printf(
          Locale.ROOT,
          "- Duplicate keys (never paired): %d in the old version, %d in the new one; for example %s%n",
          report.rows().duplicateKeysOld(),
          report.rows().duplicateKeysNew(),
          String.join("; ", report.rows().duplicateSamples()));
    }
    out.println();
    if (!report.interventions().isEmpty()) {
      out.printf(Locale.ROOT, "## Detected interventions%n%n");
      for (DetectedIntervention intervention : report.interventions()) {
        out.printf(
            Locale.ROOT,
            "### %s — %s (confidence %s)%n%n%s%n%n",
            ReportText.title(intervention.type()),
            intervention.columns().isEmpty()
                ? "whole table"
                : String.join(", ", intervention.columns()),
            ReportText.percent(intervention.confidence()),
            cell(intervention.summaryEn()));
        for (Map.Entry<String, Object> parameter : intervention.parameters().entrySet()) {
          out.printf(
              Locale.ROOT,
              "- %s: %s%n",
              parameter.getKey(),
              cell(ReportText.value(parameter.getValue())));
        }
        if (!intervention.evidence().isEmpty()) {
          out.printf(Locale.ROOT, "- examples: %s%n", cell(examples(intervention.evidence())));
        }
        out.println();
      }
    }
    if (!report.columnChanges().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "## Column changes%n%n| Change | Old | New | Detail | Confidence |%n|---|---|---|---|---|%n");
      for (ColumnChange change : report.columnChanges()) {
        out.printf(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s |%n",
            change.kind(),
            cell(change.oldName().orElse("")),
            cell(change.newName().orElse("")),
            cell(change.detail()),
            ReportText.percent(change.confidence()));
      }
      out.println();
    }
    if (!report.columnEdits().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "## Cell edits and information loss%n%n| Column | Edited | Compared | Distinct values lost | Generalisation height | Examples |%n|---|---|---|---|---|---|%n");
      for (ColumnEdits edits : report.columnEdits()) {
        out.printf(
            Locale.ROOT,
            "| %s | %d | %d | %s | %d | %s |%n",
            cell(edits.newColumn()),
            edits.edited(),
            edits.compared(),
            ReportText.percent(edits.distinctLostShare()),
            edits.generalisationHeight(),
            cell(examples(edits.samples().stream().map(sample -> sample.subList(1, 3)).toList())));
      }
      out.println();
    }
    if (!report.problems().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "## Problems in the inputs%n%n| File | Row | Column | Severity | Message |%n|---|---|---|---|---|%n");
      for (InputProblem problem : report.problems()) {
        out.printf(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s |%n",
            cell(problem.file()),
            problem.row().map(String::valueOf).orElse(""),
            cell(problem.column().orElse("")),
            problem.severity(),
            cell(problem.message()));
      }
      out.println();
    }
    out.printf(Locale.ROOT, "_Report format %s._%n", report.formatVersion());
    out.flush();
  }

  static String examples(List<List<String>> pairs) {
    return String.join(
        ", ", pairs.stream().map(pair -> "'" + String.join("' → '", pair) + "'").toList());
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
