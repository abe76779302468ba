package org.fabrique.diff.read;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fabrique.diff.DiffInputException;
import org.fabrique.diff.report.Severity;

/** Reads CSV and TSV files with FastCSV, after guessing their encoding, delimiter and header. */
public final class CsvTableReader implements TableReader {
  private static final int SNIFF_BYTES = 64 * 1024;

  private final Path path;
  private final CsvDialect dialect;
  private final List<String> header;

  private CsvTableReader(Path path, CsvDialect dialect, List<String> header) {
    this.path = path;
    this.dialect = dialect;
    this.header = header;
  }

  /** Opens a delimited file, logging what was guessed and repaired. */
  public static CsvTableReader open(Path path, ProblemLog problems) {
    byte[] head = new byte[SNIFF_BYTES];
    int length;
    try (InputStream in = Files.newInputStream(path)) {
      length = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new DiffInputException("Cannot read " + path.getFileName(), e);
    }
    boolean tabPreferred =
        path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv");
    if (binary(head, length)) {
      throw new DiffInputException(
          path.getFileName() + " is not a text table: it holds binary content");
    }
    CsvDialect dialect = CsvDialect.sniff(head, length, tabPreferred);
    if (!dialect.charset().name().startsWith("UTF")) {
      problems.fileProblem(
          Severity.INFO, "The file is not valid UTF-8; it was read as " + dialect.charset().name());
    } else if (dialect.bomLength() == 3 && !CsvDialect.isUtf8(head, dialect.bomLength(), length)) {
      problems.fileProblem(
          Severity.WARNING,
          "The file mixes encodings: it starts with a UTF-8 byte-order mark but holds bytes that"
              + " are not UTF-8 (Latin-1 or Windows-1252 text?); rows with such bytes are listed,"
              + " and their cells are not used to recognise interventions");
    }
    List<String> firstRecord = firstRecord(path, dialect);
    if (firstRecord.isEmpty()) {
      throw new DiffInputException(TableReaders.emptyMessage(path));
    }
    List<String> header;
    if (dialect.hasHeader()) {
      header = HeaderRepair.repair(firstRecord, problems);
    } else {
      header = HeaderRepair.generated(firstRecord.size());
      problems.fileProblem(
          Severity.INFO,
          "The first line holds numbers or dates, so it was read as data; columns were named column_1 to column_"
              + firstRecord.size());
    }
    return new CsvTableReader(path, dialect, header);
  }

  /**
   * Whether the first bytes are not text: a NUL byte (text in UTF-16 starts with its byte-order
   * mark), or more than one in a hundred control characters other than tabs, line and page breaks.
   */
  static boolean binary(byte[] head, int length) {
    if (length >= 2
        && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
            || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
      return false;
    }
    int control = 0;
    for (int index = 0; index < length; index++) {
      int b = head[index] & 0xFF;
      if (b == 0) {
        return true;
      }
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
        control++;
      }
    }
    return control * 100 > length;
  }

  private static List<String> firstRecord(Path path, CsvDialect dialect) {
    try (Reader reader = reader(path, dialect);
        CsvReader<CsvRecord> csv = builder(dialect).ofCsvRecord(reader)) {
      for (CsvRecord record : csv) {
        return record.getFields();
      }
      return List.of();
    } catch (IOException | UncheckedIOException | CsvParseException e) {
      throw new DiffInputException("Cannot read the first line of " + path.getFileName(), e);
    }
  }

  private static Reader reader(Path path, CsvDialect dialect) throws IOException {
    InputStream in = Files.newInputStream(path);
    in.skipNBytes(dialect.bomLength());
    return new InputStreamReader(
        in,
        dialect
            .charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  private static CsvReader.CsvReaderBuilder builder(CsvDialect dialect) {
    return CsvReader.builder()
        .fieldSeparator(dialect.delimiter())
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .maxBufferSize(64 * 1024 * 1024);
  }

  @Override
  public String format() {
    return dialect.delimiter() == '\t' ? "tsv" : "csv";
  }

  @Override
  public String encoding() {
    return dialect.charset().name();
  }

  @Override
  public String delimiter() {
    return dialect.delimiterName();
  }

  @Override
  public List<String> header() {
    return header;
  }

  /** Copies the fields of each record straight into a batch, without making strings. */
  private static final class BatchHandler extends AbstractBaseCsvCallbackHandler<Boolean> {
    private final int width;
    CellBatch batch;
    boolean skipping;
    int appended;
    int[] replaced = new int[4];
    int replacedCount;

    BatchHandler(int width, CellBatch batch, boolean skipping) {
      this.width = width;
      this.batch = batch;
      this.skipping = skipping;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
      batch.dropPartialRow();
      appended = 0;
      replacedCount = 0;
    }

    @Override
    protected void handleField(
        int fieldIndex, char[] buffer, int offset, int length, boolean quoted) {
      if (skipping || fieldIndex >= width) {
        return;
      }
      if (batch.append(buffer, offset, length)) {
        if (replacedCount == replaced.length) {
          replaced = java.util.Arrays.copyOf(replaced, replacedCount * 2);
        }
        replaced[replacedCount++] = fieldIndex;
      }
      appended++;
    }

    int fields() {
      return getFieldCount();
    }

    @Override
    protected Boolean buildRecord() {
      return Boolean.TRUE;
    }
  }

  @Override
  public long read(int capacity, BatchSink sink, ProblemLog problems) {
    if (header.isEmpty()) {
      return 0;
    }
    int width = header.size();
    long row = 0;
    BatchHandler handler =
        new BatchHandler(width, new CellBatch(width, capacity), dialect.hasHeader());
    try (Reader reader = reader(path, dialect);
        CsvReader<Boolean> csv = builder(dialect).build(handler, reader)) {
      for (Boolean unused : csv) {
        if (handler.skipping) {
          handler.skipping = false;
          continue;
        }
        row++;
        CellBatch batch = handler.batch;
        int count = handler.fields();
        if (count != width) {
          raggedRow(problems, row, count, width);
        }
        for (int missing = handler.appended; missing < width; missing++) {
          batch.append(NO_CHARS, 0, 0);
        }
        for (int index = 0; index < handler.replacedCount; index++) {
          badBytes(problems, row, header.get(handler.replaced[index]));
        }
        batch.endRow(row, count != width || handler.replacedCount > 0);
        if (batch.isFull()) {
          handler.batch = sink.accept(batch);
          if (handler.batch == null) {
            return row;
          }
        }
      }
      handler.batch.dropPartialRow();
      if (handler.batch.rows() > 0) {
        sink.accept(handler.batch);
      }
    } catch (IOException | UncheckedIOException e) {
      readingStopped(problems, row + 1, e);
    } catch (CsvParseException e) {
      parsingStopped(problems, row + 1, e);
    }
    return row;
  }

  private static final char[] NO_CHARS = new char[0];

  private void raggedRow(ProblemLog problems, long row, int count, int width) {
    problems.rowProblem(
        "ragged row",
        row,
        Severity.WARNING,
        "Row has "
            + count
            + " cells where the header has "
            + width
            + "; "
            + (count < width ? "missing cells were left blank" : "extra cells were ignored"));
  }

  private static void readingStopped(ProblemLog problems, long row, Exception e) {
    problems.rowProblem("read", row, Severity.ERROR, "Reading stopped: " + e.getMessage());
  }

  private static void parsingStopped(ProblemLog problems, long row, CsvParseException e) {
    problems.rowProblem(
        "parse",
        row,
        Severity.ERROR,
        "Reading stopped, the file cannot be parsed further: " + e.getMessage());
  }

  private void badBytes(ProblemLog problems, long row, String column) {
    problems.rowProblem(
        "bad bytes",
        row,
        Severity.WARNING,
        "Bytes that are not valid "
            + dialect.charset().name()
            + " in column "
            + column
            + " (mixed encodings?)");
  }

  @Override
  public long read(RowSink sink, ProblemLog problems) {
    if (header.isEmpty()) {
      return 0;
    }
    int width = header.size();
    long row = 0;
    try (Reader reader = reader(path, dialect);
        CsvReader<CsvRecord> csv = builder(dialect).ofCsvRecord(reader)) {
      boolean skipHeader = dialect.hasHeader();
      for (CsvRecord record : csv) {
        if (skipHeader) {
          skipHeader = false;
          continue;
        }
        row++;
        int count = record.getFieldCount();
        if (count != width) {
          problems.rowProblem(
              "ragged row",
              row,
              Severity.WARNING,
              "Row has "
                  + count
                  + " cells where the header has "
                  + width
                  + "; "
                  + (count < width ? "missing cells were left blank" : "extra cells were ignored"));
        }
        String[] cells = new String[width];
        for (int index = 0; index < width; index++) {
          String cell = index < count ? record.getField(index) : "";
          if (cell.indexOf('\uFFFD') >= 0) {
            problems.rowProblem(
                "bad bytes",
                row,
                Severity.WARNING,
                "Bytes that are not valid "
                    + dialect.charset().name()
                    + " in column "
                    + header.get(index)
                    + " (mixed encodings?)");
          }
          cells[index] = cell;
        }
        if (!sink.accept(cells, row)) {
          break;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      readingStopped(problems, row + 1, e);
    } catch (CsvParseException e) {
      parsingStopped(problems, row + 1, e);
    }
    return row;
  }
}
