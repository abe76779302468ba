package org.fabrique.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.fabrique.diff.report.DetectedIntervention;
import org.fabrique.diff.report.DiffReport;
import org.fabrique.diff.report.TableSummary.ColumnSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column whose first rows foretell more distinct values than a dictionary holds is profiled
 * without one; when the rest of the table proves the forecast wrong, the comparison is made again
 * with dictionaries, and the column keeps its exact counts and its part in the row rules.
 */
class ForesightTest {
  @TempDir Path directory;

  @Test
  void aColumnWhoseFirstRowsAreUnlikeTheRestKeepsItsExactCounts() {
    // Visit numbers restart every 30,000 rows: the first 20,000 rows are all different, the
    // 120,000 rows hold 30,000 values. The release leaves out the first thousand visits.
    StringBuilder old = new StringBuilder("id,visit,site\n");
    StringBuilder released = new StringBuilder("id,visit,site\n");
    for (int row = 0; row < 120_000; row++) {
      int visit = row % 30_000 + 1;
      String line = row + "," + visit + "," + (row % 3 == 0 ? "Brest" : "Rouen") + "\n";
      old.append(line);
      if (visit > 1_000) {
        released.append(line);
      }
    }

    DiffReport report =
        new DatasetDiff()
            .compare(
                Files2.write(directory, "old.csv", old.toString()),
                Files2.write(directory, "new.csv", released.toString()),
                DiffOptions.withKey(List.of("id")));

    ColumnSummary visits =
        report.oldTable().columns().stream()
            .filter(column -> column.name().equals("visit"))
            .findFirst()
            .orElseThrow();
    assertEquals(30_000, visits.distinct());
    assertTrue(visits.distinctExact());
    ColumnSummary identifiers = report.oldTable().columns().get(0);
    assertTrue(!identifiers.distinctExact() && identifiers.distinct() >= 65_536, "" + identifiers);
    DetectedIntervention removed =
        report.interventions().stream()
            .filter(intervention -> intervention.type().equals("row-filter"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row-filter in " + report.interventions()));
    assertEquals("visit < 1001", removed.parameters().get("predicate"));
  }
}
