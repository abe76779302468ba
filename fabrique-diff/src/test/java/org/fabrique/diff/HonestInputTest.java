package org.fabrique.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.fabrique.diff.report.DiffReport;
import org.fabrique.diff.report.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are not what they seem are refused or reported, never turned into interventions. */
class HonestInputTest {
  @TempDir Path directory;

  private static final String TABLE = "id,name,town\n1,Hélène,Lyon\n2,José,Brest\n3,Zoé,Nîmes\n";

  @Test
  void binaryContentIsNotATextTable() {
    ByteArrayOutputStream elf = new ByteArrayOutputStream();
    elf.writeBytes(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    for (int index = 0; index < 4_000; index++) {
      elf.write(index % 7 == 0 ? '\t' : index % 11 == 0 ? '\n' : 'a' + index % 26);
    }
    Path binary = Files2.write(directory, "tool", elf.toByteArray());
    Path table = Files2.write(directory, "table.tsv", TABLE);

    DiffInputException refused =
        assertThrows(
            DiffInputException.class,
            () -> new DatasetDiff().compare(binary, table, DiffOptions.defaults()));

    assertEquals("tool is not a text table: it holds binary content", refused.getMessage());
  }

  @Test
  void controlCharactersWithoutNulBytesAreBinaryToo() {
    byte[] bytes = new byte[2_000];
    for (int index = 0; index < bytes.length; index++) {
      bytes[index] = (byte) (index % 5 == 0 ? 0x01 + index % 7 : 'a' + index % 26);
    }
    Path binary = Files2.write(directory, "blob.csv", bytes);
    Path table = Files2.write(directory, "table.csv", TABLE);

    assertThrows(
        DiffInputException.class,
        () -> new DatasetDiff().compare(table, binary, DiffOptions.defaults()));
  }

  @Test
  void latin1BytesBehindAUtf8ByteOrderMarkAreReportedNotRecoded() {
    Path old = Files2.write(directory, "old.csv", TABLE);
    byte[] body = TABLE.getBytes(Charset.forName("windows-1252"));
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    Path mixed = Files2.write(directory, "new.csv", bytes);

    DiffReport report = new DatasetDiff().compare(old, mixed, DiffOptions.withKey(List.of("id")));

    assertEquals(List.of(), report.interventions());
    assertTrue(
        report.problems().stream()
            .anyMatch(
                problem ->
                    problem.severity() == Severity.WARNING
                        && problem.message().startsWith("The file mixes encodings")),
        report.problems()::toString);
    assertTrue(
        report.problems().stream()
            .anyMatch(problem -> problem.message().startsWith("3 changed rows were not read")),
        report.problems()::toString);
    assertEquals(3, report.rows().changed());
  }

  @Test
  void aUtf8FileWithItsByteOrderMarkIsNotMixed() {
    byte[] body = TABLE.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);

    DiffReport report =
        new DatasetDiff()
            .compare(
                Files2.write(directory, "old.csv", TABLE),
                Files2.write(directory, "new.csv", bytes),
                DiffOptions.withKey(List.of("id")));

    assertEquals(true, report.identical(), report.problems()::toString);
    assertEquals(List.of(), report.problems());
  }

  @Test
  void anEmptyColumnDoesNotMixTypes() {
    Path old = Files2.write(directory, "old.csv", "id,location_id,town\n1,,Lyon\n2,,Brest\n");
    Path released = Files2.write(directory, "new.csv", "id,location_id,town\n1,,Lyon\n2,,Nantes\n");

    DiffReport report =
        new DatasetDiff().compare(old, released, DiffOptions.withKey(List.of("id")));

    assertEquals(List.of(), report.problems(), report.problems()::toString);
  }

  @Test
  void aWordDocumentIsNotATable() {
    // The first bytes of a .docx (a zip archive), cut short.
    byte[] truncated = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 'w', 'o', 'r', 'd'};
    Path word = Files2.write(directory, "truncated.docx", truncated);
    Path table = Files2.write(directory, "table.csv", TABLE);

    DiffInputException refused =
        assertThrows(
            DiffInputException.class,
            () -> new DatasetDiff().compare(word, table, DiffOptions.defaults()));

    assertEquals("truncated.docx is a Word document, not a table", refused.getMessage());
  }

  @Test
  void aZipArchiveOfAnotherToolIsNotATable() throws java.io.IOException {
    // A REFI-QDA project (.qdpx) is a zip archive holding a project.qde, and no workbook.
    Path project = directory.resolve("project.qdpx");
    try (java.util.zip.ZipOutputStream zip =
        new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(project))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("project.qde"));
      zip.write("<Project/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Path table = Files2.write(directory, "table.csv", TABLE);

    DiffInputException refused =
        assertThrows(
            DiffInputException.class,
            () -> new DatasetDiff().compare(project, table, DiffOptions.defaults()));

    assertEquals(
        "project.qdpx is a zip archive with no workbook in it, not a table", refused.getMessage());
  }

  @Test
  void aWorkbookWithoutItsPartsListIsRefusedAsAWorkbookThatCannotBeOpened()
      throws java.io.IOException {
    Path broken = directory.resolve("broken.xlsx");
    try (java.util.zip.ZipOutputStream zip =
        new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(broken))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
      zip.write("<workbook/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Path table = Files2.write(directory, "table.csv", TABLE);

    DiffInputException refused =
        assertThrows(
            DiffInputException.class,
            () -> new DatasetDiff().compare(broken, table, DiffOptions.defaults()));

    assertEquals("Cannot open the workbook broken.xlsx", refused.getMessage());
  }
}
