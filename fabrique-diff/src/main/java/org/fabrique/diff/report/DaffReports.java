package org.fabrique.diff.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cell-level changes in daff's highlighter format: a first column of actions ({@code !} schema,
 * {@code @@} header, {@code +++} added, {@code ---} removed, {@code ->} edited with {@code
 * old->new} cells, {@code ...} rows left out).
 */
public final class DaffReports {
  private DaffReports() {}

  public static void write(DiffReport report, Writer out) {
    try (CsvWriter csv = CsvWriter.builder().build(new NonClosingWriter(out))) {
      List<String> schema = new ArrayList<>();
      schema.add("!");
      boolean schemaChanged = false;
      for (String column : report.detailColumns()) {
        String mark = schemaMark(report, column);
        schemaChanged |= !mark.isEmpty();
        schema.add(mark);
      }
      if (schemaChanged) {
        csv.writeRecord(schema);
      }
      List<String> header = new ArrayList<>();
      header.add("@@");
      report.detailColumns().forEach(column -> header.add(neutralised(column)));
      csv.writeRecord(header);
      for (RowChange row : report.detailRows()) {
        List<String> cells = new ArrayList<>();
        cells.add(row.action());
        for (int column = 0; column < report.detailColumns().size(); column++) {
          String before = row.oldCells().get(column);
          String after = row.newCells().get(column);
          cells.add(
              switch (row.action()) {
                case "+++" -> neutralised(after);
                case "---" -> neutralised(before);
                default ->
                    before.equals(after)
                        ? neutralised(after)
                        : neutralised(before) + "->" + neutralised(after);
              });
        }
        csv.writeRecord(cells);
      }
      if (report.detailSelection().truncated()) {
        List<String> more = new ArrayList<>();
        more.add("...");
        report.detailColumns().forEach(column -> more.add("..."));
        csv.writeRecord(more);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the highlighter CSV", e);
    }
  }

  private static String schemaMark(DiffReport report, String column) {
    for (ColumnChange change : report.columnChanges()) {
      boolean isNew = change.newName().map(column::equals).orElse(false);
      boolean isOld =
          change.newName().isEmpty() && change.oldName().map(column::equals).orElse(false);
      if (change.kind().equals("added") && isNew) {
        return "+++";
      }
      if (change.kind().equals("removed") && isOld) {
        return "---";
      }
      if (change.kind().equals("renamed") && isNew) {
        return "(" + change.oldName().orElse("") + ")";
      }
    }
    return "";
  }

  /** Lets the CSV writer flush without closing the caller's writer. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /**
   * A data cell guarded against spreadsheet formula injection: text starting with =, +, -, @, a tab
   * or a carriage return gets an apostrophe in front (plain numbers are left as they are). The same
   * rule as Fabrique's SpreadsheetCells, kept here because this library depends on nothing of
   * Fabrique's.
   */
  static String neutralised(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    if ("=+-@\t\r".indexOf(value.charAt(0)) >= 0
        && !value.matches("[-+]?\\d+([.,]\\d+)?([eE][-+]?\\d+)?")) {
      return "'" + value;
    }
    return value;
  }
}
