package org.fabrique.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fabrique.diff.report.DetectedIntervention;
import org.fabrique.diff.report.DiffReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PERSON table of the synthetic OMOP CDM 5.4 dataset Synthea27Nj, released the way a data team
 * might: source identifiers pseudonymised, birth dates cut to the year, day and month of birth
 * dropped, people born before 1960 left out.
 */
class OmopPersonReleaseTest {
  @TempDir Path directory;

  private static List<List<String>> person() throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (InputStream in =
            OmopPersonReleaseTest.class.getResourceAsStream("/synthea27nj/PERSON.csv");
        CsvReader<CsvRecord> csv =
            CsvReader.builder().ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (CsvRecord record : csv) {
        rows.add(record.getFields());
      }
    }
    return rows;
  }

  @Test
  void diffExplainsAPseudonymisedGeneralisedAndFilteredRelease() throws IOException {
    List<List<String>> person = person();
    List<String> header = person.get(0);
    int source = header.indexOf("person_source_value");
    int birth = header.indexOf("birth_datetime");
    int year = header.indexOf("year_of_birth");
    List<String> releasedHeader = new ArrayList<>(header);
    releasedHeader.remove("month_of_birth");
    releasedHeader.remove("day_of_birth");
    SplittableRandom random = new SplittableRandom(27);
    List<String[]> released = new ArrayList<>();
    for (List<String> row : person.subList(1, person.size())) {
      if (Integer.parseInt(row.get(year)) < 1960) {
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int column = 0; column < header.size(); column++) {
        values.put(header.get(column), row.get(column));
      }
      values.put("person_source_value", Long.toHexString(random.nextLong() | Long.MIN_VALUE));
      values.put("birth_datetime", row.get(birth).substring(0, 4));
      values.keySet().retainAll(releasedHeader);
      released.add(values.values().toArray(String[]::new));
    }
    List<String[]> original =
        person.subList(1, person.size()).stream().map(row -> row.toArray(String[]::new)).toList();
    Path oldFile = directory.resolve("PERSON.csv");
    Path newFile = directory.resolve("PERSON_release.csv");
    SyntheticHealthTables.writeCsv(oldFile, header, original);
    SyntheticHealthTables.writeCsv(newFile, releasedHeader, released);
    assertEquals(false, source < 0);

    DiffReport report =
        new DatasetDiff().compare(oldFile, newFile, DiffOptions.withKey(List.of("person_id")));

    assertEquals(
        List.of(
            "row-filter[year_of_birth]",
            "pseudonymisation[person_source_value]",
            "generalisation[birth_datetime]",
            "column-removed[month_of_birth]",
            "column-removed[day_of_birth]",
            "type-change[birth_datetime]"),
        report.interventions().stream()
            .map(intervention -> intervention.type() + intervention.columns())
            .toList());
    assertEquals("year_of_birth < 1964", parameter(report, "row-filter", "predicate"));
    assertEquals(1.0, parameter(report, "row-filter", "coverage"));
    assertEquals("date-to-year", parameter(report, "generalisation", "rule"));
    assertEquals("one-to-one", parameter(report, "pseudonymisation", "mapping"));
    assertEquals(4L, report.rows().removed());
  }

  private static Object parameter(DiffReport report, String type, String name) {
    return report.interventions().stream()
        .filter(intervention -> intervention.type().equals(type))
        .map(DetectedIntervention::parameters)
        .findFirst()
        .orElseThrow()
        .get(name);
  }
}
