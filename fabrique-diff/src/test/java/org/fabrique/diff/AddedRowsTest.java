package org.fabrique.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.fabrique.diff.report.DetectedIntervention;
import org.fabrique.diff.report.DiffReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Added rows are explained, when a simple rule on the new columns sets them apart. */
class AddedRowsTest {
  @TempDir Path directory;

  private DetectedIntervention addedRows(StringBuilder old, StringBuilder released) {
    DiffReport report =
        new DatasetDiff()
            .compare(
                Files2.write(directory, "old.csv", old.toString()),
                Files2.write(directory, "new.csv", released.toString()),
                DiffOptions.withKey(List.of("id")));
    return report.interventions().stream()
        .filter(intervention -> intervention.type().equals("rows-added"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rows-added in " + report.interventions()));
  }

  @Test
  void aNewWaveOfInclusionsIsExplainedByADateThreshold() {
    StringBuilder old = new StringBuilder("id,inclusion,site\n");
    LocalDate start = LocalDate.of(2022, 1, 3);
    for (int row = 0; row < 500; row++) {
      old.append(row).append(',').append(start.plusDays(row)).append(',').append(site(row));
      old.append('\n');
    }
    StringBuilder released = new StringBuilder(old);
    for (int row = 500; row < 560; row++) {
      released.append(row).append(',').append(start.plusDays(row + 30)).append(',');
      released.append(site(row)).append('\n');
    }

    DetectedIntervention added = addedRows(old, released);

    assertEquals("inclusion > '" + start.plusDays(499) + "'", added.parameters().get("predicate"));
    assertEquals(1.0, ((Number) added.parameters().get("coverage")).doubleValue(), 1e-9);
    assertEquals(60L, ((Number) added.parameters().get("addedRows")).longValue());
    assertEquals(List.of("inclusion"), added.columns());
    assertTrue(added.summaryFr().contains("lignes ont été ajoutées"), added.summaryFr());
  }

  @Test
  void manyAddedRowsAreExplainedFromAUniformSample() {
    StringBuilder old = new StringBuilder("id,site\n");
    for (int row = 0; row < 1_000; row++) {
      old.append(row).append(',').append(site(row)).append('\n');
    }
    StringBuilder released = new StringBuilder(old);
    for (int row = 1_000; row < 121_000; row++) {
      released.append(row).append(row % 2 == 0 ? ",Rouen\n" : ",Brest\n");
    }

    DetectedIntervention added = addedRows(old, released);

    assertEquals("site in ('Brest', 'Rouen')", added.parameters().get("predicate"));
    assertEquals(120_000L, ((Number) added.parameters().get("addedRows")).longValue());
    assertEquals(100_000, ((Number) added.parameters().get("sampledRows")).intValue());
    assertTrue(added.summaryEn().contains("estimated on a sample"), added.summaryEn());
  }

  @Test
  void addedRowsLikeTheOthersAreCountedButNotExplained() {
    StringBuilder old = new StringBuilder("id,site\n");
    for (int row = 0; row < 300; row++) {
      old.append(row).append(',').append(site(row)).append('\n');
    }
    StringBuilder released = new StringBuilder(old);
    for (int row = 300; row < 330; row++) {
      released.append(row).append(',').append(site(row)).append('\n');
    }

    DetectedIntervention added = addedRows(old, released);

    assertEquals(List.of(), added.columns());
    assertTrue(!added.parameters().containsKey("predicate"), added.parameters().toString());
    assertEquals(30L, ((Number) added.parameters().get("addedRows")).longValue());
  }

  @Test
  void whenNoRowIsInBothVersionsNoRuleIsClaimed() {
    DiffReport report =
        new DatasetDiff()
            .compare(
                Files2.write(directory, "old.csv", "id,site\n1,Lyon\n2,Paris\n3,Lyon\n4,Paris\n"),
                Files2.write(directory, "new.csv", "id,site\n5,Rouen\n6,Rouen\n7,Rouen\n8,Brest\n"),
                DiffOptions.withKey(List.of("id")));

    for (String type : List.of("row-filter", "rows-added")) {
      DetectedIntervention rows =
          report.interventions().stream()
              .filter(intervention -> intervention.type().equals(type))
              .findFirst()
              .orElseThrow();
      assertTrue(!rows.parameters().containsKey("predicate"), rows.toString());
    }
  }

  private static String site(int row) {
    return List.of("Lyon", "Paris", "Lille").get(row % 3);
  }
}
