package org.fabrique.search.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.analysis.TextTable;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.exchange.SpreadsheetCells;

/**
 * Matrices as CSV (FastCSV, UTF-8, CRLF, RFC 4180 quoting) and XLSX (fastexcel): the corner cell,
 * the column labels, then one row per code with its label and the chosen measure in each cell.
 */
public final class TableMatrixExport implements MatrixExport {
  private static final int XLSX_MAX_COLUMNS = 16_384;

  @Override
  public void write(Matrix matrix, Matrix.Measure measure, Format format, OutputStream out) {
    try {
      switch (format) {
        case CSV -> csv(matrix, measure, out);
        case XLSX -> xlsx(matrix, measure, out);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new StorageException("The matrix could not be written", e);
    }
  }

  @Override
  public void write(TextTable table, Format format, OutputStream out) {
    try {
      switch (format) {
        case CSV -> csv(table, out);
        case XLSX -> xlsx(table, out);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new StorageException("The table could not be written", e);
    }
  }

  private static void csv(TextTable table, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
    csv.writeRecord(table.headers().stream().map(TableMatrixExport::cellText).toList());
    for (List<String> row : table.rows()) {
      csv.writeRecord(row.stream().map(TableMatrixExport::cellText).toList());
    }
    csv.flush();
    writer.flush();
  }

  private static void xlsx(TextTable table, OutputStream out) throws IOException {
    Workbook workbook = new Workbook(out, "Fabrique", "1.0");
    Worksheet sheet =
        workbook.newWorksheet(table.title().isBlank() ? "Table" : sheetName(table.title()));
    for (int column = 0; column < table.headers().size(); column++) {
      sheet.value(0, column, cellText(table.headers().get(column)));
      sheet.style(0, column).bold().set();
    }
    for (int row = 0; row < table.rows().size(); row++) {
      List<String> cells = table.rows().get(row);
      for (int column = 0; column < cells.size(); column++) {
        sheet.value(row + 1, column, cellText(cells.get(column)));
      }
    }
    workbook.finish();
  }

  /** A worksheet name: at most 31 characters, none of those spreadsheets refuse. */
  private static String sheetName(String title) {
    String name = title.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
    return name.length() > 31 ? name.substring(0, 31) : name;
  }

  private static void csv(Matrix matrix, Matrix.Measure measure, OutputStream out)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
    List<String> header = new ArrayList<>();
    header.add(cellText(matrix.corner() + " (" + measure.name().toLowerCase(Locale.ROOT) + ")"));
    matrix.columns().forEach(c -> header.add(cellText(c.label())));
    csv.writeRecord(header);
    for (int row = 0; row < matrix.rows().size(); row++) {
      List<String> line = new ArrayList<>();
      line.add(cellText(matrix.rows().get(row).label()));
      for (int column = 0; column < matrix.columns().size(); column++) {
        line.add(Long.toString(matrix.cell(row, column).value(measure)));
      }
      csv.writeRecord(line);
    }
    csv.flush();
    writer.flush();
  }

  /** Guards spreadsheets against labels read as formulas (CSV injection). */
  static String cellText(String label) {
    return SpreadsheetCells.text(label);
  }

  private static void xlsx(Matrix matrix, Matrix.Measure measure, OutputStream out)
      throws IOException {
    if (matrix.columns().size() + 1 > XLSX_MAX_COLUMNS) {
      throw new StorageException(
          "The matrix has more columns than a spreadsheet holds; export it as CSV");
    }
    Workbook workbook = new Workbook(out, "Fabrique", "1.0");
    Worksheet sheet = workbook.newWorksheet("Matrix");
    sheet.value(
        0, 0, cellText(matrix.corner() + " (" + measure.name().toLowerCase(Locale.ROOT) + ")"));
    sheet.style(0, 0).bold().set();
    for (int column = 0; column < matrix.columns().size(); column++) {
      sheet.value(0, column + 1, cellText(matrix.columns().get(column).label()));
      sheet.style(0, column + 1).bold().set();
    }
    for (int row = 0; row < matrix.rows().size(); row++) {
      sheet.value(row + 1, 0, cellText(matrix.rows().get(row).label()));
      for (int column = 0; column < matrix.columns().size(); column++) {
        sheet.value(row + 1, column + 1, matrix.cell(row, column).value(measure));
      }
    }
    workbook.finish();
  }
}
