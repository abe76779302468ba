package org.fabrique.diff.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.fabrique.diff.DiffInputException;
import org.fabrique.diff.report.Severity;

/** Reads the first sheet of an XLSX workbook with fastexcel-reader, streaming its rows. */
public final class XlsxTableReader implements TableReader {
  /** Cell formats are needed to tell dates from numbers. */
  private static final ReadingOptions OPTIONS = new ReadingOptions(true, false);

  private final Path path;
  private final List<String> header;

  private XlsxTableReader(Path path, List<String> header) {
    this.path = path;
    this.header = header;
  }

  public static XlsxTableReader open(Path path, ProblemLog problems) {
    try (ReadableWorkbook workbook = new ReadableWorkbook(path.toFile(), OPTIONS);
        Stream<Row> rows = workbook.getFirstSheet().openStream()) {
      Iterator<Row> iterator = rows.iterator();
      if (!iterator.hasNext()) {
        problems.fileProblem(Severity.ERROR, "The first sheet is empty");
        return new XlsxTableReader(path, List.of());
      }
      Row first = iterator.next();
      List<String> raw = new ArrayList<>();
      for (int index = 0; index < first.getCellCount(); index++) {
        raw.add(text(first.getCell(index)));
      }
      while (!raw.isEmpty() && raw.get(raw.size() - 1).isEmpty()) {
        raw.remove(raw.size() - 1);
      }
      return new XlsxTableReader(path, HeaderRepair.repair(raw, problems));
    } catch (IOException | UncheckedIOException | ExcelReaderException e) {
      throw new DiffInputException("Cannot open the workbook " + path.getFileName(), e);
    }
  }

  /** The text of a cell: numbers without a spurious ".0", dates in ISO form. */
  static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    return switch (cell.getType()) {
      case NUMBER -> {
        String format = cell.getDataFormatString();
        if (format != null && isDateFormat(format)) {
          LocalDateTime date = cell.asDate();
          yield date.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
              ? date.toLocalDate().toString()
              : date.toString();
        }
        BigDecimal number = cell.asNumber();
        yield number.stripTrailingZeros().scale() <= 0
            ? number.toBigInteger().toString()
            : number.stripTrailingZeros().toPlainString();
      }
      case EMPTY -> "";
      case STRING, BOOLEAN, FORMULA, ERROR -> cell.getText() == null ? "" : cell.getText();
    };
  }

  private static boolean isDateFormat(String format) {
    String lower = format.toLowerCase(Locale.ROOT).replaceAll("\\[[^]]*]", "");
    return lower.contains("yy") || lower.contains("dd") || lower.contains("mmm");
  }

  @Override
  public String format() {
    return "xlsx";
  }

  @Override
  public String encoding() {
    return "UTF-8";
  }

  @Override
  public String delimiter() {
    return "";
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public long read(RowSink sink, ProblemLog problems) {
    if (header.isEmpty()) {
      return 0;
    }
    int width = header.size();
    long count = 0;
    try (ReadableWorkbook workbook = new ReadableWorkbook(path.toFile(), OPTIONS);
        Stream<Row> rows = workbook.getFirstSheet().openStream()) {
      Iterator<Row> iterator = rows.iterator();
      iterator.next();
      while (iterator.hasNext()) {
        Row row = iterator.next();
        count++;
        if (row.getCellCount() > width && !text(row.getCell(row.getCellCount() - 1)).isEmpty()) {
          problems.rowProblem(
              "ragged row",
              count,
              Severity.WARNING,
              "Row has cells beyond the last named column; they were ignored");
        }
        String[] cells = new String[width];
        for (int index = 0; index < width; index++) {
          cells[index] = index < row.getCellCount() ? text(row.getCell(index)) : "";
        }
        if (!sink.accept(cells, count)) {
          break;
        }
      }
    } catch (IOException | UncheckedIOException | ExcelReaderException e) {
      problems.rowProblem("read", count + 1, Severity.ERROR, "Reading stopped: " + e.getMessage());
    }
    return count;
  }
}
