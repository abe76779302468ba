package org.fabrique.formats.table;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.exchange.SpreadsheetCells;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorImport;
import org.fabrique.core.journey.ActorRow;

/**
 * A table of actors, one per line: {@code pseudonym, type, category, institution} and, when the
 * researcher asks for it, {@code real name}. Read from CSV (comma, semicolon or tab, UTF-8) or from
 * the first sheet of an XLSX workbook; headers in English or French, in any order and case. Written
 * as CSV with the same headers, so that a list can be completed in a spreadsheet and read back.
 */
public final class ActorTable {
  /** The columns, by what a header may say (lower case, without accents). */
  private static final Map<String, String> HEADERS =
      Map.ofEntries(
          Map.entry("pseudonym", "pseudonym"),
          Map.entry("pseudonyme", "pseudonym"),
          Map.entry("actor", "pseudonym"),
          Map.entry("acteur", "pseudonym"),
          Map.entry("type", "type"),
          Map.entry("category", "category"),
          Map.entry("categorie", "category"),
          Map.entry("institution", "institution"),
          Map.entry("real name", "real name"),
          Map.entry("nom reel", "real name"));

  /** The header of the tables this writes. */
  public static final List<String> HEADER = List.of("pseudonym", "type", "category", "institution");

  /** The most lines a table may have. */
  public static final int MAX_LINES = 100_000;

  private ActorTable() {}

  /**
   * Reads a table from its bytes; {@code fileName} tells XLSX ({@code .xlsx}) from CSV and names
   * the file in messages.
   *
   * @throws InvalidInputException when the file cannot be read as a table of actors
   */
  public static List<ActorRow> read(InputStream in, String fileName) {
    try {
      byte[] bytes = in.readAllBytes();
      List<List<String>> lines =
          fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
              ? workbook(bytes, fileName)
              : csv(bytes, fileName);
      return rows(lines, fileName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<ActorRow> rows(List<List<String>> lines, String fileName) {
    if (lines.isEmpty()) {
      throw new InvalidInputException(
          fileName + " is empty: a table of actors needs a header line");
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = lines.get(0);
    for (int index = 0; index < header.size(); index++) {
      String name = HEADERS.get(ActorImport.key(header.get(index)));
      if (name != null && columns.putIfAbsent(name, index) != null) {
        throw new InvalidInputException(
            fileName + ": the column \"" + header.get(index) + "\" appears twice in the header");
      }
    }
    if (!columns.containsKey("pseudonym")) {
      throw new InvalidInputException(
          fileName
              + ": the header has no \"pseudonym\" column (the columns read are pseudonym, type,"
              + " category, institution and real name)");
    }
    if (lines.size() - 1 > MAX_LINES) {
      throw new InvalidInputException(
          fileName + " has more than " + MAX_LINES + " lines: split the table");
    }
    List<ActorRow> rows = new ArrayList<>();
    for (int index = 1; index < lines.size(); index++) {
      List<String> line = lines.get(index);
      if (line.stream().allMatch(String::isBlank)) {
        continue;
      }
      rows.add(
          new ActorRow(
              index + 1,
              cell(line, columns.get("pseudonym")).orElse(""),
              cell(line, columns.get("type")),
              cell(line, columns.get("category")),
              cell(line, columns.get("institution")),
              cell(line, columns.get("real name"))));
    }
    return rows;
  }

  /** A column's cell, empty text when the line is short, no value when there is no such column. */
  private static Optional<String> cell(List<String> line, Integer column) {
    if (column == null) {
      return Optional.empty();
    }
    String text = column < line.size() ? line.get(column) : "";
    // what write() neutralised reads back as it was
    if (text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(text.charAt(1)) >= 0) {
      text = text.substring(1);
    }
    return Optional.of(text);
  }

  private static List<List<String>> csv(byte[] bytes, String fileName) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(
          fileName
              + " is not UTF-8 text: save it as \"CSV UTF-8\" (or as an .xlsx workbook) and import"
              + " it again");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.indexOf('\0') >= 0) {
      throw new InvalidInputException(fileName + " is not a text table");
    }
    String firstLine = text.lines().findFirst().orElse("");
    char separator = separator(firstLine);
    List<List<String>> lines = new ArrayList<>();
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .fieldSeparator(separator)
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(text)) {
      for (CsvRecord record : csv) {
        lines.add(record.getFields());
        if (lines.size() > MAX_LINES + 1) {
          break;
        }
      }
    } catch (CsvParseException | IOException | UncheckedIOException e) {
      throw new InvalidInputException(fileName + " cannot be read as CSV: " + e.getMessage());
    }
    return lines;
  }

  /** The separator the header uses: semicolons (French spreadsheets), tabs, or commas. */
  private static char separator(String header) {
    long semicolons = header.chars().filter(c -> c == ';').count();
    long tabs = header.chars().filter(c -> c == '\t').count();
    long commas = header.chars().filter(c -> c == ',').count();
    if (tabs > commas && tabs > semicolons) {
      return '\t';
    }
    return semicolons > commas ? ';' : ',';
  }

  private static List<List<String>> workbook(byte[] bytes, String fileName) {
    List<List<String>> lines = new ArrayList<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes));
        Stream<Row> rows = workbook.getFirstSheet().openStream()) {
      for (Row row : (Iterable<Row>) rows::iterator) {
        List<String> line = new ArrayList<>();
        for (int index = 0; index < row.getCellCount(); index++) {
          Cell cell = row.getCell(index);
          line.add(cell == null ? "" : cell.getText());
        }
        lines.add(line);
        if (lines.size() > MAX_LINES + 1) {
          break;
        }
      }
    } catch (IOException | UncheckedIOException | ExcelReaderException e) {
      throw new InvalidInputException(
          fileName + " cannot be read as an .xlsx workbook (" + e.getClass().getSimpleName() + ")");
    }
    return lines;
  }

  /**
   * Writes actors as CSV, real names only when asked; cells that a spreadsheet would run as a
   * formula are neutralised.
   */
  public static void write(List<Actor> actors, boolean realNames, OutputStream out) {
    // not closed: the stream is the caller's (standard output, a response)
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
    try {
      List<String> header = new ArrayList<>(HEADER);
      if (realNames) {
        header.add("real name");
      }
      csv.writeRecord(header);
      for (Actor actor : actors) {
        List<String> line = new ArrayList<>();
        line.add(SpreadsheetCells.text(actor.pseudonym()));
        line.add(actor.type().id());
        line.add(actor.category());
        line.add(SpreadsheetCells.text(actor.institution()));
        if (realNames) {
          line.add(SpreadsheetCells.text(actor.realName().orElse("")));
        }
        csv.writeRecord(line);
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
