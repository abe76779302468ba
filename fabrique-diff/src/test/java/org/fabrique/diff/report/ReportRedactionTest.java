package org.fabrique.diff.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fabrique.diff.DatasetDiff;
import org.fabrique.diff.DiffOptions;
import org.fabrique.diff.Files2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report without the values of the files keeps what was done and loses every value. */
class ReportRedactionTest {
  private static final List<String> CANARIES =
      List.of("Zorglubine", "Quetzalmoor", "Vexbridge", "canary-file");

  @TempDir Path directory;

  @Test
  void noValueOfTheFilesIsLeftInAnyFormatAndTheCountsStay() {
    StringBuilder old = new StringBuilder("id,name,town,age\n");
    StringBuilder released = new StringBuilder("id,name,town,age\n");
    for (int row = 0; row < 200; row++) {
      String name = row % 3 == 0 ? "Zorglubine" : "Person" + row;
      String town = row % 2 == 0 ? "Quetzalmoor" : "Vexbridge";
      old.append(row).append(',').append(name).append(',').append(town).append(',');
      old.append(20 + row % 70).append('\n');
      if (row % 10 == 9) {
        continue; // removed rows
      }
      released.append(row).append(",P").append(Integer.toHexString(row * 7919)).append(',');
      released.append(row % 2 == 0 ? "North" : "South").append(',').append(20 + row % 70);
      released.append('\n');
    }
    DiffReport report =
        new DatasetDiff()
            .compare(
                Files2.write(directory, "canary-file-old.csv", old.toString()),
                Files2.write(directory, "canary-file-new.csv", released.toString()),
                DiffOptions.withKey(List.of("id")));
    String json = JsonReports.toJson(report);
    assertTrue(
        json.equals(JsonReports.toJson(JsonReports.read(json))),
        "a report read back from its JSON writes the same JSON");
    String stored = everyFormat(report);
    for (String canary : CANARIES) {
      assertTrue(stored.contains(canary), "the test must see " + canary + " before redaction");
    }

    DiffReport redacted =
        ReportRedaction.withoutValues(report, name -> name.toUpperCase(Locale.ROOT));
    String out = everyFormat(redacted);
    for (String canary : CANARIES) {
      assertFalse(out.contains(canary), canary + " left in a redacted report");
    }
    assertEquals(report.rows().removed(), redacted.rows().removed());
    assertEquals(report.rows().changed(), redacted.rows().changed());
    assertEquals(
        report.interventions().stream().map(DetectedIntervention::type).toList(),
        redacted.interventions().stream().map(DetectedIntervention::type).toList());
    assertTrue(redacted.detailColumns().contains("TOWN"), redacted.detailColumns().toString());
    assertTrue(out.contains(ReportRedaction.WITHHELD));
  }

  private static String everyFormat(DiffReport report) {
    StringBuilder all = new StringBuilder();
    for (ReportFormat format : ReportFormat.values()) {
      StringWriter out = new StringWriter();
      ReportWriters.write(report, format, out);
      all.append(out);
    }
    return all.toString();
  }
}
