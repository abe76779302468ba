package org.fabrique.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.fabrique.diff.report.ColumnChange;
import org.fabrique.diff.report.DetectedIntervention;
import org.fabrique.diff.report.DiffReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Columns renamed and transformed are paired with their old selves, by what their values became.
 */
class ColumnPairingTest {
  @TempDir Path directory;

  private static final String[] GIVEN = {"Anne", "Paul", "Marie", "Luc", "Zoé", "Hugo", "Inès"};
  private static final String[] FAMILY = {
    "Martin", "Bernard", "Petit", "Durand", "Leroy", "Moreau"
  };

  /** Rows of a health-like extract: id, nir, birth date, postcode, weight, age, full name. */
  private static List<String[]> people(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String[]> rows = new ArrayList<>();
    for (int row = 0; row < count; row++) {
      LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(30_000));
      rows.add(
          new String[] {
            String.format(Locale.ROOT, "R%05d", row + 1),
            Long.toString(1_000_000_000_000L + random.nextLong(8_000_000_000_000L)),
            birth.toString(),
            String.format(Locale.ROOT, "%05d", 1000 + random.nextInt(94_000)),
            String.format(Locale.ROOT, "%.1f", 45 + random.nextDouble() * 60),
            Integer.toString(18 + random.nextInt(85)),
            GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)]
          });
    }
    return rows;
  }

  private static String csv(List<String> header, List<String[]> rows) {
    StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
    for (String[] row : rows) {
      text.append(String.join(",", row)).append('\n');
    }
    return text.toString();
  }

  private static String token(SplittableRandom random) {
    return String.format(Locale.ROOT, "%016x", random.nextLong());
  }

  /** The extract released: every column renamed and transformed, the name split in two. */
  private static List<String[]> released(List<String[]> rows, boolean keepId) {
    SplittableRandom random = new SplittableRandom(99);
    List<String[]> out = new ArrayList<>();
    for (String[] row : rows) {
      String[] name = row[6].split(" ");
      List<String> cells = new ArrayList<>();
      if (keepId) {
        cells.add(row[0]);
      }
      cells.add(token(random));
      cells.add(row[2].substring(0, 4));
      cells.add(row[3].substring(0, 2));
      cells.add(String.format(Locale.ROOT, "%.1f", Double.parseDouble(row[4]) * 2.20462));
      cells.add(Integer.parseInt(row[5]) > 90 ? "90" : row[5]);
      cells.add(name[0]);
      cells.add(name[1]);
      out.add(cells.toArray(String[]::new));
    }
    return out;
  }

  private static final List<String> OLD_HEADER =
      List.of("id", "nir", "birth_date", "postcode", "weight_kg", "age", "full_name");

  private DiffReport compare(String oldText, String newText, DiffOptions options) {
    return new DatasetDiff()
        .compare(
            Files2.write(directory, "old.csv", oldText),
            Files2.write(directory, "new.csv", newText),
            options);
  }

  private static Optional<DetectedIntervention> find(
      DiffReport report, String type, String column) {
    return report.interventions().stream()
        .filter(found -> found.type().equals(type) && found.columns().contains(column))
        .findFirst();
  }

  @Test
  void renamedAndTransformedColumnsArePairedOnTheKey() {
    List<String[]> rows = people(600, 7);
    DiffReport report =
        compare(
            csv(OLD_HEADER, rows),
            csv(
                List.of(
                    "id",
                    "nir_pseudo",
                    "birth_year",
                    "dept",
                    "weight_lb",
                    "age",
                    "first_name",
                    "last_name"),
                released(rows, true)),
            DiffOptions.withKey(List.of("id")));

    String context = report.interventions().toString();
    DetectedIntervention nir =
        find(report, "column-renamed", "nir_pseudo").orElseThrow(() -> new AssertionError(context));
    assertEquals("nir", nir.parameters().get("from"));
    assertEquals("pseudonymised", nir.parameters().get("transformation"));
    assertEquals("one-to-one-tokens", nir.parameters().get("rule"));
    assertEquals(1.0, nir.parameters().get("rowsExplainedShare"));
    assertTrue(
        nir.summaryEn().startsWith("Column nir was renamed nir_pseudo and pseudonymised"),
        nir.summaryEn());
    // One act, one intervention: the rename carries what the pseudonymisation finding would have
    // (the change of type, numbers to tokens, is a fact of structure, told apart).
    assertEquals(
        List.of("column-renamed", "type-change"),
        report.interventions().stream()
            .filter(found -> found.columns().contains("nir_pseudo"))
            .map(DetectedIntervention::type)
            .toList(),
        context);
    assertEquals("one-to-one", nir.parameters().get("mapping"), context);

    DetectedIntervention year =
        find(report, "column-renamed", "birth_year").orElseThrow(() -> new AssertionError(context));
    assertEquals("date-to-year", year.parameters().get("rule"));
    assertEquals("generalised", year.parameters().get("transformation"));
    assertEquals(2, year.parameters().get("height"), context);
    assertTrue(find(report, "generalisation", "birth_year").isEmpty(), context);

    DetectedIntervention dept =
        find(report, "column-renamed", "dept").orElseThrow(() -> new AssertionError(context));
    assertEquals("prefix", dept.parameters().get("rule"));
    assertEquals(2, dept.parameters().get("keptCharacters"));

    DetectedIntervention pounds =
        find(report, "column-renamed", "weight_lb").orElseThrow(() -> new AssertionError(context));
    assertEquals("affine", pounds.parameters().get("rule"));
    assertEquals(2.20462, ((Number) pounds.parameters().get("factor")).doubleValue(), 1e-4);
    assertTrue(
        find(report, "recoding", "weight_lb").isEmpty()
            && find(report, "noise", "weight_lb").isEmpty(),
        context);

    DetectedIntervention top =
        find(report, "top-coding", "age").orElseThrow(() -> new AssertionError(context));
    assertEquals("90", top.parameters().get("threshold"));
    assertTrue(find(report, "generalisation", "age").isEmpty(), context);

    DetectedIntervention split =
        find(report, "column-split", "first_name").orElseThrow(() -> new AssertionError(context));
    assertEquals("full_name", split.parameters().get("from"));
    assertEquals(List.of("first_name", "last_name"), split.parameters().get("into"));
    assertEquals(" ", split.parameters().get("separator"));

    assertTrue(
        report.interventions().stream()
            .noneMatch(
                found ->
                    found.type().equals("column-removed") || found.type().equals("column-added")),
        context);
    assertTrue(
        report
            .columnChanges()
            .contains(
                new ColumnChange(
                    "renamed",
                    Optional.of("nir"),
                    Optional.of("nir_pseudo"),
                    "renamed and pseudonymised: each value replaced by its own token (explains"
                        + " 100.0% of 600 rows aligned on the first rows)",
                    1.0)),
        report.columnChanges()::toString);
  }

  @Test
  void withoutAKeyRowsAreAlignedByPositionWhenTheOrderIsKept() {
    List<String[]> rows = people(400, 11);
    List<String> header = List.of("nir", "birth_date", "postcode", "weight_kg", "age", "full_name");
    List<String[]> old = new ArrayList<>();
    for (String[] row : rows) {
      String[] cells = java.util.Arrays.copyOfRange(row, 1, 7);
      // Many people share a birth date and a postcode area: no column is a key.
      cells[1] = cells[1].substring(0, 4) + "-01-01";
      cells[2] = cells[2].substring(0, 2) + "000";
      cells[3] = "70.0";
      cells[4] = "50";
      old.add(cells);
    }
    List<String[]> renamed = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(5);
    for (String[] cells : old) {
      String[] copy = cells.clone();
      copy[0] = token(random);
      renamed.add(copy);
    }
    List<String> newHeader = new ArrayList<>(header);
    newHeader.set(0, "nir_pseudo");

    DiffReport report = compare(csv(header, old), csv(newHeader, renamed), DiffOptions.defaults());

    String context = report.rows() + " " + report.interventions();
    assertEquals("row-hash", report.rows().alignment(), context);
    assertEquals(
        "nir",
        find(report, "column-renamed", "nir_pseudo")
            .orElseThrow(() -> new AssertionError(context))
            .parameters()
            .get("from"));
    DetectedIntervention nir = find(report, "column-renamed", "nir_pseudo").orElseThrow();
    assertEquals("one-to-one-tokens", nir.parameters().get("rule"));
    assertEquals("pseudonymised", nir.parameters().get("transformation"));
    assertTrue(find(report, "pseudonymisation", "nir_pseudo").isEmpty(), context);
    assertEquals(400, report.rows().unchanged(), context);
  }

  @Test
  void unrelatedColumnsStayRemovedAndAdded() {
    List<String[]> rows = people(300, 3);
    List<String[]> replaced = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(8);
    for (String[] row : rows) {
      String[] copy = row.clone();
      copy[4] = String.format(Locale.ROOT, "%.1f", 140 + random.nextDouble() * 60);
      replaced.add(copy);
    }
    List<String> header = new ArrayList<>(OLD_HEADER);
    header.set(4, "height_cm");

    DiffReport report =
        compare(csv(OLD_HEADER, rows), csv(header, replaced), DiffOptions.withKey(List.of("id")));

    assertTrue(
        find(report, "column-removed", "weight_kg").isPresent(), report.interventions()::toString);
    assertTrue(
        find(report, "column-added", "height_cm").isPresent(), report.interventions()::toString);
  }
}
