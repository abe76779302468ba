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
    out.printf(Locale.ROOT, "## Overview%n%n| | Old | New |%n|---|---|---|%n");
    out.printf(
        Locale.ROOT,
        "| File | %s | %s |%n| Rows | %d | %d |%n| Columns | %d | %d |%n| Format | %s | %s |%n%n",
        cell(report.oldTable().file()),
        cell(report.newTable().file()),
        report.oldTable().rows(),
        report.newTable().rows(),
        report.oldTable().columns().size(),
        report.newTable().columns().size(),
        report.oldTable().format(),
        report.newTable().format());
    out.printf(Locale.ROOT, "- Alignment: %s%n", ReportText.alignment(report.rows()));
    if (report.rows().duplicateKeysOld() + report.rows().duplicateKeysNew() > 0) {
      out.printf(
          Locale.ROOT,
          "- Duplicate keys (never paired): %d in the old version, %d in the new one; for example %s%n",
          report.rows().duplicateKeysOld(),
          report.rows().duplicateKeysNew(),
          cell(String.join("; ", report.rows().duplicateSamples())));
    }
    String cap = ReportText.detailCap(report.detailSelection());
    if (!cap.isEmpty()) {
      out.printf(Locale.ROOT, "- %s%n", cap);
    }
    out.println();
    if (!report.columns().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "### Columns%n%n| Old column | New column | Change | What was done |%n|---|---|---|---|%n");
      for (ColumnOverview column : report.columns()) {
        out.printf(
            Locale.ROOT,
            "| %s | %s | %s | %s |%n",
            cell(column.oldName().orElse("")),
            cell(column.newName().orElse("")),
            ReportText.change(column.change()),
            cell(
                String.join(
                    ", ", column.interventions().stream().map(ReportText::title).toList())));
      }
      out.println();
    }
    if (!report.interventions().isEmpty()) {
      out.printf(Locale.ROOT, "## Findings, the most important first%n%n");
      int number = 0;
      for (DetectedIntervention intervention : report.interventions()) {
        out.printf(
            Locale.ROOT,
            "### %d. %s — %s (confidence %s)%n%n%s%n%n_%s_%n%n",
            ++number,
            ReportText.title(intervention.type()),
            intervention.columns().isEmpty()
                ? "whole table"
                : String.join(", ", intervention.columns()),
            ReportText.percent(intervention.confidence()),
            cell(intervention.summaryEn()),
            cell(intervention.summaryFr()));
        for (Map.Entry<String, Object> parameter : intervention.parameters().entrySet()) {
          out.printf(
              Locale.ROOT,
              "- %s / %s: %s%n",
              ParameterWords.en(parameter.getKey()),
              ParameterWords.fr(parameter.getKey()),
              cell(ParameterWords.value(parameter.getKey(), parameter.getValue())));
        }
        if (!intervention.evidence().isEmpty()) {
          out.printf(
              Locale.ROOT,
              "- examples (old → new) / exemples (avant → après): %s%n",
              cell(examples(intervention.evidence())));
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
          "## Cell edits and information loss%n%n| Column | Edited | Compared | Distinct values lost | Generalisation height | Examples (row: old → new) |%n|---|---|---|---|---|---|%n");
      for (ColumnEdits edits : report.columnEdits()) {
        out.printf(
            Locale.ROOT,
            "| %s | %d | %d | %s | %d | %s |%n",
            cell(edits.newColumn()),
            edits.edited(),
            edits.compared(),
            ReportText.percent(edits.distinctLostShare()),
            edits.generalisationHeight(),
            cell(labelled(edits.samples())));
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

  /** Samples as "key: 'old' → 'new'". */
  static String labelled(List<List<String>> samples) {
    return String.join(
        ", ",
        samples.stream()
            .map(sample -> sample.get(0) + ": '" + sample.get(1) + "' → '" + sample.get(2) + "'")
            .toList());
  }

  static String examples(List<List<String>> pairs) {
    return String.join(
        ", ", pairs.stream().map(pair -> "'" + String.join("' → '", pair) + "'").toList());
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
