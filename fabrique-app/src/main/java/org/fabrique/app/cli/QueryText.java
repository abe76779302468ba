package org.fabrique.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.analysis.TextTable;
import org.fabrique.core.journey.query.JourneyRow;
import org.fabrique.core.journey.query.QueryTables;

/** Journey query results as text for a terminal or a Markdown document. */
final class QueryText {
  private QueryText() {}

  /**
   * One block per element: what it is, where, its question or label, why, who, what it is linked
   * to, then its quotes ready to cite.
   */
  static String blocks(List<JourneyRow> rows) {
    StringBuilder out = new StringBuilder();
    for (JourneyRow row : rows) {
      List<String> about = new ArrayList<>();
      about.add(row.kind().id());
      if (!row.caseName().isEmpty()) {
        about.add(row.caseName() + row.domain().map(d -> " (" + d.id() + ")").orElse(""));
      }
      if (!row.type().isEmpty()) {
        about.add(row.type());
      }
      if (!row.status().isEmpty()) {
        about.add(row.status());
      }
      if (!row.dimensions().isEmpty()) {
        about.add(String.join(", ", row.dimensions()));
      }
      row.date().ifPresent(d -> about.add(d.toString()));
      out.append('#').append(row.id().value()).append(' ').append(String.join(" · ", about));
      out.append('\n').append("  ").append(row.label()).append('\n');
      if (!row.rationale().isEmpty()) {
        out.append("  why: ").append(row.rationale()).append('\n');
      }
      for (JourneyRow.RowActor actor : row.actors()) {
        out.append("  actor: ").append(QueryTables.actor(actor)).append('\n');
      }
      for (JourneyRow.Related related : row.related()) {
        out.append("  linked: ").append(QueryTables.related(related)).append('\n');
      }
      for (JourneyRow.Quote quote : row.quotes()) {
        out.append("  > ").append(QueryTables.quote(quote)).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String cell(TextTable table, int row, int column) {
    return table.rows().get(row).get(column);
  }

  /** A Markdown table; cells keep their line breaks as {@code <br>} and escape pipes. */
  static String markdown(TextTable table) {
    StringBuilder out = new StringBuilder();
    out.append(line(table.headers().stream().map(QueryText::markdownCell).toList()));
    out.append(line(table.headers().stream().map(h -> "---").toList()));
    for (int row = 0; row < table.rows().size(); row++) {
      List<String> cells = new ArrayList<>();
      for (int column = 0; column < table.headers().size(); column++) {
        cells.add(markdownCell(cell(table, row, column)));
      }
      out.append(line(cells));
    }
    return out.toString();
  }

  private static String line(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  private static String markdownCell(String text) {
    return text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace("\r\n", "\n")
        .replace("\n", "<br>");
  }

  /** Columns padded to their widest cell, for a terminal. */
  static String aligned(TextTable table) {
    int[] widths = new int[table.headers().size()];
    for (int column = 0; column < widths.length; column++) {
      widths[column] = width(table.headers().get(column));
      for (List<String> row : table.rows()) {
        widths[column] = Math.max(widths[column], width(row.get(column)));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(padded(table.headers(), widths));
    for (List<String> row : table.rows()) {
      out.append(padded(row, widths));
    }
    return out.toString();
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  private static String padded(List<String> cells, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int column = 0; column < cells.size(); column++) {
      String text = cells.get(column).replace('\n', ' ');
      out.append(text);
      if (column < cells.size() - 1) {
        out.append(" ".repeat(widths[column] - width(text) + 2));
      }
    }
    return out.append('\n').toString();
  }

  /** A table as a list of objects keyed by its headers. */
  static List<Map<String, String>> json(TextTable table) {
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> row : table.rows()) {
      Map<String, String> object = new LinkedHashMap<>();
      for (int column = 0; column < table.headers().size(); column++) {
        object.put(table.headers().get(column), row.get(column));
      }
      out.add(object);
    }
    return out;
  }
}
