package org.fabrique.diff.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabrique.diff.Files2;
import org.fabrique.diff.report.InputProblem;
import org.fabrique.diff.report.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDialectTest {
  @TempDir Path directory;

  private static List<List<String>> rows(TableReader reader, ProblemLog problems) {
    List<List<String>> rows = new ArrayList<>();
    reader.read((cells, row) -> rows.add(List.of(cells)), problems);
    return rows;
  }

  @Test
  void semicolonsAndWindows1252AreDetectedAndDecoded() {
    byte[] bytes = "nom;âge\nHélène;34\nJosé;51\n".getBytes(Charset.forName("windows-1252"));
    Path file = Files2.write(directory, "latin.csv", bytes);
    ProblemLog problems = new ProblemLog("latin.csv");

    TableReader reader = TableReaders.open(file, problems);

    assertEquals(List.of("nom", "âge"), reader.header());
    assertEquals("semicolon", reader.delimiter());
    assertEquals("windows-1252", reader.encoding());
    assertEquals(List.of(List.of("Hélène", "34"), List.of("José", "51")), rows(reader, problems));
    assertEquals(
        List.of(
            InputProblem.ofFile(
                "latin.csv",
                Severity.INFO,
                "The file is not valid UTF-8; it was read as windows-1252")),
        problems.problems());
  }

  @Test
  void aByteOrderMarkIsSkippedAndTabsAreFoundInTsvFiles() {
    byte[] body = "id\tlabel, with comma\n1\ta, b\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    Path file = Files2.write(directory, "bom.tsv", bytes);
    ProblemLog problems = new ProblemLog("bom.tsv");

    TableReader reader = TableReaders.open(file, problems);

    assertEquals(List.of("id", "label, with comma"), reader.header());
    assertEquals("tab", reader.delimiter());
    assertEquals(List.of(List.of("1", "a, b")), rows(reader, problems));
    assertEquals(List.of(), problems.problems());
  }

  @Test
  void quotedCellsMayHoldDelimitersAndLineBreaks() {
    Path file =
        Files2.write(directory, "quoted.csv", "id,note\n1,\"first line\nsecond, line\"\n2,plain\n");
    ProblemLog problems = new ProblemLog("quoted.csv");

    TableReader reader = TableReaders.open(file, problems);

    assertEquals(
        List.of(List.of("1", "first line\nsecond, line"), List.of("2", "plain")),
        rows(reader, problems));
  }

  @Test
  void raggedRowsAndBadHeadersAreRepairedAndListed() {
    Path file = Files2.write(directory, "ragged.csv", "id,,id\n1,a,b\n2,c\n3,d,e,f\n");
    ProblemLog problems = new ProblemLog("ragged.csv");

    TableReader reader = TableReaders.open(file, problems);
    List<List<String>> rows = rows(reader, problems);

    assertEquals(List.of("id", "column_2", "id_2"), reader.header());
    assertEquals(
        List.of(List.of("1", "a", "b"), List.of("2", "c", ""), List.of("3", "d", "e")), rows);
    assertEquals(
        List.of(
            InputProblem.ofColumn(
                "ragged.csv",
                "column_2",
                Severity.WARNING,
                "Column 2 has no name; it was called column_2"),
            InputProblem.ofColumn(
                "ragged.csv",
                "id",
                Severity.WARNING,
                "Column name 'id' appears more than once; a copy was renamed id_2"),
            InputProblem.ofRow(
                "ragged.csv",
                2,
                Severity.WARNING,
                "Row has 2 cells where the header has 3; missing cells were left blank"),
            InputProblem.ofRow(
                "ragged.csv",
                3,
                Severity.WARNING,
                "Row has 4 cells where the header has 3; extra cells were ignored")),
        problems.problems());
  }

  @Test
  void bytesInAnotherEncodingFarIntoAUtf8FileAreListedAsMixedEncodings() {
    StringBuilder text = new StringBuilder("id,name\n");
    for (int row = 1; row <= 5_000; row++) {
      text.append(row).append(",Zoë ").append(row).append('\n');
    }
    byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] tail = "5001,Chlo\u00e9\n".getBytes(Charset.forName("windows-1252"));
    byte[] bytes = new byte[head.length + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(tail, 0, bytes, head.length, tail.length);
    Path file = Files2.write(directory, "mixed.csv", bytes);
    ProblemLog problems = new ProblemLog("mixed.csv");

    TableReader reader = TableReaders.open(file, problems);
    long count = reader.read((cells, row) -> true, problems);

    assertEquals("UTF-8", reader.encoding());
    assertEquals(5_001, count);
    assertEquals(
        List.of(
            InputProblem.ofRow(
                "mixed.csv",
                5_001,
                Severity.WARNING,
                "Bytes that are not valid UTF-8 in column name (mixed encodings?)")),
        problems.problems());
  }

  @Test
  void aFirstLineOfNumbersIsReadAsDataUnderGeneratedNames() {
    Path file = Files2.write(directory, "headless.csv", "1,2020-01-01,x\n2,2020-02-01,y\n");
    ProblemLog problems = new ProblemLog("headless.csv");

    TableReader reader = TableReaders.open(file, problems);

    assertEquals(List.of("column_1", "column_2", "column_3"), reader.header());
    assertEquals(2, rows(reader, problems).size());
  }
}
