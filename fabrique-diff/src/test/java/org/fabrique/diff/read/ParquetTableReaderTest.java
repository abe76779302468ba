package org.fabrique.diff.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.fabrique.diff.DatasetDiff;
import org.fabrique.diff.DiffOptions;
import org.fabrique.diff.Files2;
import org.fabrique.diff.report.DiffReport;
import org.fabrique.diff.report.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTableReaderTest {
  private static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          "message patients { required int64 id; optional int32 birth (DATE); optional double weight; optional binary site (UTF8); }");

  @TempDir Path directory;

  private Path parquet(String name) throws IOException {
    Path file = directory.resolve(name);
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA).build()) {
      writer.write(
          groups
              .newGroup()
              .append("id", 1L)
              .append("birth", (int) LocalDate.of(1980, 5, 17).toEpochDay())
              .append("weight", 71.5)
              .append("site", "Lyon"));
      writer.write(
          groups.newGroup().append("id", 2L).append("weight", 80.0).append("site", "Paris"));
    }
    return file;
  }

  @Test
  void aParquetFileIsReadWithDatesNumbersAndBlanks() throws IOException {
    Path file = parquet("patients.parquet");
    ProblemLog problems = new ProblemLog("patients.parquet");

    TableReader reader = TableReaders.open(file, problems);
    List<List<String>> rows = new ArrayList<>();
    reader.read((cells, row) -> rows.add(List.of(cells)), problems);

    assertEquals("parquet", reader.format());
    assertEquals(List.of("id", "birth", "weight", "site"), reader.header());
    assertEquals(
        List.of(List.of("1", "1980-05-17", "71.5", "Lyon"), List.of("2", "", "80", "Paris")), rows);
    assertEquals(List.of(), problems.problems());
  }

  @Test
  void aParquetFileAndTheSameTableInCsvAreIdentical() throws IOException {
    Path file = parquet("patients.parquet");
    Path csv =
        Files2.write(
            directory,
            "patients.csv",
            "id,birth,weight,site\n1,1980-05-17,71.5,Lyon\n2,,80,Paris\n");

    DiffReport report = new DatasetDiff().compare(file, csv, DiffOptions.defaults());

    assertEquals(true, report.identical());
  }

  @Test
  void aTruncatedParquetFileIsAnErrorInTheReport() throws IOException {
    byte[] bytes = Files.readAllBytes(parquet("full.parquet"));
    Path cut = Files2.write(directory, "cut.parquet", Arrays.copyOf(bytes, bytes.length / 2));
    Path csv = Files2.write(directory, "cut.csv", "id\n1\n");

    DiffReport report = new DatasetDiff().compare(cut, csv, DiffOptions.defaults());

    assertEquals(Severity.ERROR, report.problems().get(0).severity());
    assertEquals("cut.parquet", report.problems().get(0).file());
  }
}
