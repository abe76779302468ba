package org.fabrique.diff.report;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Reports as one self-contained HTML page for readers who do not program: the summary first, then
 * each detected intervention with its evidence, then the details.
 */
public final class HtmlReports {
  private static final String STYLE =
      "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
          + "h1{font-size:1.6rem}section.intervention{border-left:4px solid #3a6ea5;padding:.2rem 1rem;margin:1rem 0;background:#f6f8fb}"
          + ".fr{color:#555;font-style:italic}.confidence{color:#555;font-size:.9rem}table{border-collapse:collapse;margin:.5rem 0}"
          + "td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}th{background:#eee}"
          + ".ERROR{color:#a00}.WARNING{color:#a60}</style>";

  private HtmlReports() {}

  public static void write(DiffReport report, Writer writer) {
    HtmlWriter html = new HtmlWriter(new PrintWriter(writer));
    html.markup(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"generator\" content=\"fabrique-diff\">");
    html.element(
        "title",
        "Differences between " + report.oldTable().file() + " and " + report.newTable().file());
    html.markup(STYLE).markup("</head><body>");
    html.element(
        "h1",
        "Differences between " + report.oldTable().file() + " and " + report.newTable().file());
    html.element("p", "headline", ReportText.headline(report));
    html.element("h2", "Overview");
    html.open("table")
        .open("tr")
        .element("th", "")
        .element("th", "Old")
        .element("th", "New")
        .close("tr");
    overviewRow(html, "File", report.oldTable().file(), report.newTable().file());
    overviewRow(
        html,
        "Rows",
        Long.toString(report.oldTable().rows()),
        Long.toString(report.newTable().rows()));
    overviewRow(
        html,
        "Columns",
        Integer.toString(report.oldTable().columns().size()),
        Integer.toString(report.newTable().columns().size()));
    overviewRow(html, "Format", report.oldTable().format(), report.newTable().format());
    html.close("table");
    html.open("ul");
    html.element("li", "Alignment: " + ReportText.alignment(report.rows()));
    if (report.rows().duplicateKeysOld() + report.rows().duplicateKeysNew() > 0) {
      html.element(
          "li",
          "Duplicate keys, never paired: "
              + report.rows().duplicateKeysOld()
              + " in the old version, "
              + report.rows().duplicateKeysNew()
              + " in the new one");
    }
    String cap = ReportText.detailCap(report.detailSelection());
    if (!cap.isEmpty()) {
      html.element("li", cap);
    }
    html.close("ul");
    if (!report.columns().isEmpty()) {
      html.element("h3", "Columns");
      html.open("table").open("tr");
      for (String heading : List.of("Old column", "New column", "Change", "What was done")) {
        html.element("th", heading);
      }
      html.close("tr");
      for (ColumnOverview column : report.columns()) {
        html.open("tr")
            .element("td", column.oldName().orElse(""))
            .element("td", column.newName().orElse(""))
            .element("td", ReportText.change(column.change()))
            .element(
                "td",
                String.join(", ", column.interventions().stream().map(ReportText::title).toList()))
            .close("tr");
      }
      html.close("table");
    }
    if (!report.interventions().isEmpty()) {
      html.element("h2", "What was done to the data, the most important first");
      for (DetectedIntervention intervention : report.interventions()) {
        intervention(html, intervention);
      }
    }
    columnEdits(html, report.columnEdits());
    problems(html, report.problems());
    html.element("p", "confidence", "Report format " + report.formatVersion());
    html.markup("</body></html>");
    html.flush();
  }

  private static void overviewRow(HtmlWriter html, String label, String old, String replacement) {
    html.open("tr").element("th", label).element("td", old).element("td", replacement).close("tr");
  }

  private static void intervention(HtmlWriter html, DetectedIntervention intervention) {
    html.open("section", "intervention");
    html.element(
        "h3",
        ReportText.title(intervention.type())
            + (intervention.columns().isEmpty()
                ? ""
                : " — " + String.join(", ", intervention.columns())));
    html.element("p", intervention.summaryEn());
    html.markup("<p class=\"fr\" lang=\"fr\">").text(intervention.summaryFr()).close("p");
    html.element("p", "confidence", "Confidence: " + ReportText.percent(intervention.confidence()));
    Object mapping = intervention.parameters().get("mapping");
    if (mapping instanceof List<?> rows && !rows.isEmpty() && rows.get(0) instanceof Map<?, ?>) {
      html.open("table")
          .open("tr")
          .element("th", "Old value")
          .element("th", "New value")
          .element("th", "Rows")
          .close("tr");
      for (Object row : rows) {
        Map<?, ?> entry = (Map<?, ?>) row;
        html.open("tr")
            .element("td", String.valueOf(entry.get("old")))
            .element("td", String.valueOf(entry.get("new")))
            .element("td", String.valueOf(entry.get("rows")))
            .close("tr");
      }
      html.close("table");
    }
    html.open("ul");
    for (Map.Entry<String, Object> parameter : intervention.parameters().entrySet()) {
      if (!parameter.getKey().equals("mapping") || !(mapping instanceof List<?>)) {
        html.open("li")
            .text(ParameterWords.en(parameter.getKey()) + " / ")
            .markup("<span class=\"fr\" lang=\"fr\">")
            .text(ParameterWords.fr(parameter.getKey()))
            .close("span")
            .text(": " + ParameterWords.value(parameter.getKey(), parameter.getValue()))
            .close("li");
      }
    }
    html.close("ul");
    if (!intervention.evidence().isEmpty()) {
      html.open("table")
          .open("tr")
          .element("th", "Old value")
          .element("th", "New value")
          .close("tr");
      for (List<String> example : intervention.evidence()) {
        html.open("tr");
        for (String cell : example) {
          html.element("td", cell);
        }
        html.close("tr");
      }
      html.close("table");
    }
    html.close("section");
  }

  private static void columnEdits(HtmlWriter html, List<ColumnEdits> edits) {
    if (edits.isEmpty()) {
      return;
    }
    html.element("h2", "Cell edits and information loss");
    html.open("table").open("tr");
    for (String heading :
        List.of(
            "Column",
            "Edited",
            "Compared",
            "Distinct values lost",
            "Generalisation height",
            "Examples (row: old → new)")) {
      html.element("th", heading);
    }
    html.close("tr");
    for (ColumnEdits edit : edits) {
      html.open("tr")
          .element("td", edit.newColumn())
          .element("td", Long.toString(edit.edited()))
          .element("td", Long.toString(edit.compared()))
          .element("td", ReportText.percent(edit.distinctLostShare()))
          .element("td", Integer.toString(edit.generalisationHeight()))
          .open("td");
      for (List<String> sample : edit.samples()) {
        html.element("div", sample.get(0) + ": " + sample.get(1) + " → " + sample.get(2));
      }
      html.close("td").close("tr");
    }
    html.close("table");
  }

  private static void problems(HtmlWriter html, List<InputProblem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    html.element("h2", "Problems in the inputs");
    html.open("table").open("tr");
    for (String heading : List.of("File", "Row", "Column", "Severity", "Message")) {
      html.element("th", heading);
    }
    html.close("tr");
    for (InputProblem problem : problems) {
      html.open("tr")
          .element("td", problem.file())
          .element("td", problem.row().map(String::valueOf).orElse(""))
          .element("td", problem.column().orElse(""))
          .element("td", problem.severity().name(), problem.severity().name())
          .element("td", problem.message())
          .close("tr");
    }
    html.close("table");
  }
}
