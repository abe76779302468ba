package org.fabrique.diff.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fabrique.diff.DatasetDiff;
import org.fabrique.diff.DiffOptions;
import org.fabrique.diff.Files2;
import org.fabrique.diff.report.DiffReport;
import org.fabrique.diff.report.InputProblem;
import org.fabrique.diff.report.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookAndSasTest {
  @TempDir Path directory;

  private Path workbook(String name) throws IOException {
    Path file = directory.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook workbook = new Workbook(out, "test", "1.0");
      Worksheet sheet = workbook.newWorksheet("patients");
      sheet.value(0, 0, "id");
      sheet.value(0, 1, "birth");
      sheet.value(0, 2, "weight");
      sheet.value(0, 3, "site");
      sheet.value(1, 0, 1);
      sheet.value(1, 1, LocalDate.of(1980, 5, 17));
      sheet.style(1, 1).format("yyyy-mm-dd").set();
      sheet.value(1, 2, 71.5);
      sheet.value(1, 3, "Lyon");
      sheet.value(2, 0, 2);
      sheet.value(2, 1, LocalDate.of(1991, 12, 3));
      sheet.style(2, 1).format("yyyy-mm-dd").set();
      sheet.value(2, 2, 80);
      sheet.value(2, 3, "Paris");
      workbook.finish();
    }
    return file;
  }

  @Test
  void anXlsxSheetIsReadWithIsoDatesAndPlainNumbers() throws IOException {
    Path file = workbook("patients.xlsx");
    ProblemLog problems = new ProblemLog("patients.xlsx");

    TableReader reader = TableReaders.open(file, problems);
    List<List<String>> rows = new ArrayList<>();
    reader.read((cells, row) -> rows.add(List.of(cells)), problems);

    assertEquals("xlsx", reader.format());
    assertEquals(List.of("id", "birth", "weight", "site"), reader.header());
    assertEquals(
        List.of(
            List.of("1", "1980-05-17", "71.5", "Lyon"), List.of("2", "1991-12-03", "80", "Paris")),
        rows);
  }

  @Test
  void anXlsxSheetAndTheSameTableInCsvAreIdentical() throws IOException {
    Path xlsx = workbook("patients.xlsx");
    Path csv =
        Files2.write(
            directory,
            "patients.csv",
            "id,birth,weight,site\n1,1980-05-17,71.5,Lyon\n2,1991-12-03,80,Paris\n");

    DiffReport report = new DatasetDiff().compare(xlsx, csv, DiffOptions.defaults());

    assertEquals(true, report.identical());
  }

  @Test
  void aFileThatIsNotSasIsAnErrorInTheReportNotAStackTrace() {
    byte[] header = new byte[300];
    for (int index = 0; index < header.length; index++) {
      header[index] = (byte) (index * 7);
    }
    Path sas = Files2.write(directory, "cohort.sas7bdat", header);
    Path csv = Files2.write(directory, "cohort.csv", "id\n1\n");

    DiffReport report = new DatasetDiff().compare(sas, csv, DiffOptions.defaults());

    assertEquals(1, report.rows().added());
    assertEquals(
        List.of(
            InputProblem.ofFile(
                "cohort.sas7bdat",
                Severity.ERROR,
                "Not a SAS7BDAT file: its first bytes are not the SAS signature")),
        report.problems());
    assertEquals(1, report.rows().added());
  }

  @Test
  void aSasFileCutAfterItsSignatureIsAnErrorInTheReport() {
    int[] signature = {
      0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC2, 0xEA, 0x81,
          0x60,
      0xB3, 0x14, 0x11, 0xCF, 0xBD, 0x92, 0x08, 0x00, 0x09, 0xC7, 0x31, 0x8C, 0x18, 0x1F, 0x10, 0x11
    };
    byte[] truncated = new byte[200];
    for (int index = 0; index < signature.length; index++) {
      truncated[index] = (byte) signature[index];
    }
    Path sas = Files2.write(directory, "cut.sas7bdat", truncated);
    Path csv = Files2.write(directory, "cut.csv", "id\n1\n");

    DiffReport report = new DatasetDiff().compare(sas, csv, DiffOptions.defaults());

    assertEquals(Severity.ERROR, report.problems().get(0).severity());
    assertEquals("cut.sas7bdat", report.problems().get(0).file());
  }
}
