package org.fabrique.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import org.fabrique.diff.report.DetectedIntervention;
import org.fabrique.diff.report.DiffReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measurements rounded to fewer decimals, in the shape of the Synthea OMOP {@code MEASUREMENT}
 * table (values such as {@code 58.6}, {@code 1.0}, {@code 167.8}): a generalisation that names the
 * decimals kept, never a change of unit (a line close to the identity fits any rounding within the
 * precision written) nor noise; numbers that only lose their trailing zeros are not rounded.
 */
class RoundedNumbersTest {
  @TempDir Path directory;

  private DiffReport compare(DoubleFunction<String> written) {
    StringBuilder before = new StringBuilder("measurement_id,person_id,value_as_number\n");
    StringBuilder after = new StringBuilder("measurement_id,person_id,value_as_number\n");
    SplittableRandom random = new SplittableRandom(9);
    for (int row = 1; row <= 600; row++) {
      // A third of the values are whole numbers written with one decimal, as in the OMOP export.
      double value = row % 3 == 0 ? random.nextInt(200) : random.nextInt(20_000) / 100.0;
      String old =
          row % 3 == 0 ? String.format(Locale.ROOT, "%.1f", value) : Double.toString(value);
      before.append(row).append(',').append(row % 40).append(',').append(old).append('\n');
      after.append(row).append(',').append(row % 40).append(',').append(written.apply(value));
      after.append('\n');
    }
    return new DatasetDiff()
        .compare(
            Files2.write(directory, "old.csv", before.toString()),
            Files2.write(directory, "new.csv", after.toString()),
            DiffOptions.withKey(List.of("measurement_id")));
  }

  @Test
  void numbersRoundedToWholeNumbersAreAGeneralisation() {
    DiffReport report = compare(value -> Long.toString(Math.round(value)));

    DetectedIntervention rounded = only(report, "generalisation");
    assertEquals("number-rounded", rounded.parameters().get("rule"), rounded::toString);
    assertEquals(0, rounded.parameters().get("decimals"), rounded::toString);
    assertTrue(rounded.summaryEn().contains("rounded to whole numbers"), rounded::summaryEn);
    assertTrue(
        rounded.summaryFr().contains("arrondis à l'entier le plus proche"), rounded::summaryFr);
    noIntervention(report, "unit-conversion", "noise");
  }

  @Test
  void numbersRoundedToOneDecimalKeepOne() {
    DiffReport report =
        compare(value -> String.format(Locale.ROOT, "%.1f", Math.round(value * 10) / 10.0));

    // Values with two decimals lose one; those with one or none are unchanged.
    DetectedIntervention rounded = only(report, "generalisation");
    assertEquals(1, rounded.parameters().get("decimals"), rounded::toString);
    noIntervention(report, "unit-conversion", "noise");
  }

  @Test
  void wholeNumbersThatOnlyLoseTheirZeroIsNotRounding() {
    StringBuilder before = new StringBuilder("id,weight\n");
    StringBuilder after = new StringBuilder("id,weight\n");
    for (int row = 1; row <= 300; row++) {
      before.append(row).append(',').append(40 + row % 60).append(".0\n");
      after.append(row).append(',').append(40 + row % 60).append('\n');
    }
    DiffReport report =
        new DatasetDiff()
            .compare(
                Files2.write(directory, "old.csv", before.toString()),
                Files2.write(directory, "new.csv", after.toString()),
                DiffOptions.withKey(List.of("id")));
    noIntervention(report, "generalisation", "noise", "unit-conversion");
  }

  private static DetectedIntervention only(DiffReport report, String type) {
    List<DetectedIntervention> found =
        report.interventions().stream().filter(found1 -> found1.type().equals(type)).toList();
    assertEquals(1, found.size(), report.interventions()::toString);
    return found.get(0);
  }

  private static void noIntervention(DiffReport report, String... types) {
    for (DetectedIntervention intervention : report.interventions()) {
      for (String type : types) {
        assertTrue(!intervention.type().equals(type), report.interventions()::toString);
      }
    }
  }
}
