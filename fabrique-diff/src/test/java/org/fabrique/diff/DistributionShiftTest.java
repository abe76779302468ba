package org.fabrique.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.fabrique.diff.report.DetectedIntervention;
import org.fabrique.diff.report.DiffReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionShiftTest {
  @TempDir Path directory;

  private static String table(long seed, double mean, double shareOfA) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder("id,value,group\n");
    for (int row = 1; row <= 2_000; row++) {
      double gaussian =
          Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
              * Math.cos(2 * Math.PI * random.nextDouble());
      text.append(row)
          .append(',')
          .append(Math.round((mean + 10 * gaussian) * 10) / 10.0)
          .append(',');
      text.append(random.nextDouble() < shareOfA ? "A" : "B").append('\n');
    }
    return text.toString();
  }

  @Test
  void resampledNumbersAndCategoriesAreReportedAsDistributionShifts() {
    Path old = Files2.write(directory, "old.csv", table(1, 50, 0.5));
    Path replacement = Files2.write(directory, "new.csv", table(2, 60, 0.8));

    DiffReport report =
        new DatasetDiff().compare(old, replacement, DiffOptions.withKey(java.util.List.of("id")));

    DetectedIntervention numeric = shift(report, "value");
    DetectedIntervention categorical = shift(report, "group");
    assertEquals("kolmogorov-smirnov", numeric.parameters().get("method"));
    assertEquals(true, (Double) numeric.parameters().get("statistic") > 0.3);
    assertEquals("jensen-shannon", categorical.parameters().get("method"));
  }

  @Test
  void twoSamplesOfTheSameDistributionShowNoShiftAndNoNoise() {
    Path old = Files2.write(directory, "old.csv", table(1, 50, 0.5));
    Path replacement = Files2.write(directory, "new.csv", table(2, 50, 0.5));

    DiffReport report =
        new DatasetDiff().compare(old, replacement, DiffOptions.withKey(java.util.List.of("id")));

    assertEquals(java.util.List.of(), report.interventions());
  }

  private static DetectedIntervention shift(DiffReport report, String column) {
    return report.interventions().stream()
        .filter(
            intervention ->
                intervention.type().equals("distribution-shift")
                    && intervention.columns().equals(java.util.List.of(column)))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no shift on " + column + " in " + report.interventions()));
  }
}
