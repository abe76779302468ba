package org.fabrique.diff;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded generator of health-like tables (identifiers, dates of birth, postcodes, diagnoses,
 * ages, sites, consent) and of a second version made by applying known interventions, chosen and
 * parametrised at random from the seed. Each applied intervention is returned as an expectation.
 */
final class SyntheticHealthTables {
  static final List<String> OLD_HEADER =
      List.of(
          "record_id",
          "patient_id",
          "age",
          "date_of_birth",
          "sex",
          "postcode",
          "diagnosis",
          "site",
          "municipality",
          "weight_kg",
          "consent",
          "admission_date",
          "discharge_date",
          "full_name",
          "height_cm",
          "visits",
          "admitted_at");

  private static final String[] GIVEN_NAMES = {
    "Anne", "Paul", "Marie", "Luc", "Zoé", "Hugo", "Inès"
  };
  private static final String[] FAMILY_NAMES = {
    "Martin", "Bernard", "Petit", "Durand", "Leroy", "Moreau", "Simon"
  };

  private static final String[] DIAGNOSES = {
    "E11", "E10", "I10", "I21", "J45", "J44", "C50", "C34", "F32", "F20", "N18", "K21"
  };
  private static final String[] DIAGNOSIS_NAMES = {
    "Type 2 diabetes", "Type 1 diabetes", "Hypertension", "Myocardial infarction", "Asthma", "COPD",
    "Breast cancer", "Lung cancer", "Depression", "Schizophrenia", "Chronic kidney disease",
        "Reflux"
  };
  private static final String[] DIAGNOSIS_GROUPS = {
    "Diabetes", "Cardiovascular", "Respiratory", "Cancer", "Mental health", "Other"
  };
  private static final String[] SITES = {"Lyon", "Paris", "Lille", "Nantes", "Brest"};
  private static final LocalDate REFERENCE = LocalDate.of(2024, 1, 1);

  /** An intervention the generator applied, with the parameters the diff must recover. */
  record Expected(String type, String column, Map<String, Object> parameters) {}

  /** Both versions, written as CSV, and what was done between them. */
  record Pair(Path oldFile, Path newFile, List<Expected> expected, Set<String> untouchedColumns) {}

  private final SplittableRandom random;

  /** Draws for the columns added to the table later, kept apart so as not to change the rest. */
  private final SplittableRandom extras;

  private final int rows;
  private final boolean renameTransformed;

  /** What a column renamed and transformed is said to be, by the type of what was done. */
  private static final Map<String, String> TRANSFORMATIONS =
      Map.of("pseudonymisation", "pseudonymised", "generalisation", "generalised");

  /** A rename names the relation its values show: a truncated string keeps a prefix. */
  private static final Map<Object, Object> RENAME_RULES =
      Map.of("string-truncated", "prefix", "string-suffix-masked", "prefix-rest-masked");

  SyntheticHealthTables(long seed, int rows) {
    this(seed, rows, false);
  }

  /**
   * @param renameTransformed give the pseudonymised and generalised columns new names too
   */
  SyntheticHealthTables(long seed, int rows, boolean renameTransformed) {
    this.random = new SplittableRandom(seed);
    this.extras = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.rows = rows;
    this.renameTransformed = renameTransformed;
  }

  List<String[]> oldRows() {
    List<String[]> table = new ArrayList<>();
    Set<String> patientIds = new HashSet<>();
    List<String> postcodes = new ArrayList<>();
    while (postcodes.size() < 300) {
      postcodes.add(String.format(Locale.ROOT, "%05d", 1000 + random.nextInt(94000)));
    }
    for (int row = 0; row < rows; row++) {
      String patient;
      do {
        patient = "P" + (100_000_000 + random.nextInt(900_000_000));
      } while (!patientIds.add(patient));
      LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(31_000));
      long age = ChronoUnit.YEARS.between(birth, REFERENCE);
      int municipality = (int) Math.floor(Math.pow(random.nextDouble(), 6) * 200);
      double weight = Math.round((72 + 12 * gaussian()) * 10) / 10.0;
      LocalDate admission = LocalDate.of(2015, 1, 1).plusDays(extras.nextInt(3_000));
      table.add(
          new String[] {
            String.format(Locale.ROOT, "R%06d", row + 1),
            patient,
            Long.toString(age),
            birth.toString(),
            random.nextBoolean() ? "M" : "F",
            postcodes.get(random.nextInt(postcodes.size())),
            DIAGNOSES[random.nextInt(DIAGNOSES.length)],
            SITES[random.nextInt(SITES.length)],
            "Commune-" + municipality,
            Double.toString(weight),
            random.nextInt(100) < 85 ? "yes" : "no",
            admission.toString(),
            admission.plusDays(extras.nextInt(30)).toString(),
            GIVEN_NAMES[extras.nextInt(GIVEN_NAMES.length)]
                + " "
                + FAMILY_NAMES[extras.nextInt(FAMILY_NAMES.length)],
            Integer.toString(150 + extras.nextInt(50)),
            Integer.toString(extras.nextInt(30)),
            // A date with a time, as OMOP tables write them; no draw, so as not to change the rest.
            admission + "T" + (row % 2 == 0 ? "08" : "14") + ":30:00"
          });
    }
    return table;
  }

  private double gaussian() {
    double u = Math.max(1e-12, random.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  Pair write(Path directory) throws IOException {
    List<String[]> old = oldRows();
    List<Expected> expected = new ArrayList<>();
    Set<String> untouched = new HashSet<>(List.of("record_id", "consent", "site"));
    List<String[]> kept = filterRows(old, expected);
    Map<String, Long> municipalityCounts = new HashMap<>();
    for (String[] row : old) {
      municipalityCounts.merge(row[8], 1L, Long::sum);
    }
    Map<String, java.util.function.UnaryOperator<String>> transforms = new LinkedHashMap<>();
    choose(transforms, expected, untouched, municipalityCounts, kept);
    // Columns renamed as well as transformed, as data teams do (nir → nir_pseudo).
    Map<String, String> renamed = new HashMap<>();
    if (renameTransformed) {
      for (Expected applied : List.copyOf(expected)) {
        String to =
            switch (applied.type() + ":" + applied.column()) {
              case "pseudonymisation:patient_id" -> "patient_pseudo";
              case "generalisation:date_of_birth" ->
                  "date-to-year".equals(applied.parameters().get("rule"))
                      ? "birth_year"
                      : "birth_month";
              case "generalisation:postcode" ->
                  "string-truncated".equals(applied.parameters().get("rule"))
                      ? "dept"
                      : "postcode_masked";
              default -> null;
            };
        if (to != null) {
          // One act, one intervention: the rename names what was done to the values and carries
          // the parameters the value-level finding would have had.
          renamed.put(applied.column(), to);
          expected.remove(applied);
          Map<String, Object> parameters = new HashMap<>(applied.parameters());
          parameters.put("from", applied.column());
          parameters.put("to", to);
          parameters.put("transformation", TRANSFORMATIONS.get(applied.type()));
          parameters.computeIfPresent(
              "rule", (name, rule) -> RENAME_RULES.getOrDefault(rule, rule));
          expected.add(new Expected("column-renamed", to, parameters));
        }
      }
    }
    List<String> newHeader =
        List.of(
            "record_id",
            renamed.getOrDefault("patient_id", "patient_id"),
            "age",
            renamed.getOrDefault("date_of_birth", "date_of_birth"),
            renamed.getOrDefault("postcode", "postcode"),
            "diagnosis",
            "centre",
            "municipality",
            "weight_kg",
            "consent",
            "release",
            "admission_date",
            "discharge_date",
            "first_name",
            "last_name",
            "height_m",
            "visits",
            "admitted_at");
    expected.add(new Expected("column-removed", "sex", Map.of()));
    expected.add(new Expected("column-added", "release", Map.of()));
    expected.add(new Expected("column-renamed", "centre", Map.of("from", "site", "to", "centre")));
    Path oldFile = directory.resolve("old.csv");
    Path newFile = directory.resolve("new.csv");
    // Dates shifted per record (the same offset for both dates and the date-time of a row), a
    // name split in two, heights converted to metres, visits top-coded.
    boolean shifted = extras.nextBoolean();
    if (shifted) {
      expected.add(
          new Expected(
              "date-shift",
              "admission_date",
              Map.of("perRecord", true, "sameOffsetAs", List.of("discharge_date", "admitted_at"))));
      expected.add(
          new Expected(
              "date-shift",
              "discharge_date",
              Map.of("perRecord", true, "sameOffsetAs", List.of("admission_date", "admitted_at"))));
      expected.add(
          new Expected(
              "date-shift",
              "admitted_at",
              Map.of(
                  "perRecord", true, "sameOffsetAs", List.of("admission_date", "discharge_date"))));
    } else {
      untouched.addAll(List.of("admission_date", "discharge_date", "admitted_at"));
    }
    int visitsCap = 24 + extras.nextInt(4);
    expected.add(
        new Expected("top-coding", "visits", Map.of("threshold", Integer.toString(visitsCap))));
    expected.add(
        new Expected("column-split", "first_name", Map.of("from", "full_name", "separator", " ")));
    expected.add(
        new Expected(
            "column-renamed",
            "height_m",
            Map.of("from", "height_cm", "to", "height_m", "rule", "affine", "factor", 0.01)));
    writeCsv(oldFile, OLD_HEADER, old);
    List<String[]> released = new ArrayList<>();
    List<String[]> releasedRows = new ArrayList<>(kept);
    releasedRows.addAll(addRows(kept, old.size(), expected));
    for (String[] row : releasedRows) {
      String[] out = new String[newHeader.size()];
      int target = 0;
      for (int column = 0; column < 11; column++) {
        String name = OLD_HEADER.get(column);
        if (name.equals("sex")) {
          continue;
        }
        out[target++] = transforms.getOrDefault(name, value -> value).apply(row[column]);
      }
      out[target++] = "v2";
      long offset = shifted ? extras.nextInt(31) - 15 : 0;
      out[target++] = LocalDate.parse(row[11]).plusDays(offset).toString();
      out[target++] = LocalDate.parse(row[12]).plusDays(offset).toString();
      String[] name = row[13].split(" ");
      out[target++] = name[0];
      out[target++] = name[1];
      out[target++] = String.format(Locale.ROOT, "%.2f", Integer.parseInt(row[14]) / 100.0);
      out[target++] = Integer.parseInt(row[15]) > visitsCap ? Integer.toString(visitsCap) : row[15];
      out[target] =
          LocalDate.parse(row[16].substring(0, 10)).plusDays(offset) + row[16].substring(10);
      released.add(out);
    }
    writeCsv(newFile, newHeader, released);
    return new Pair(oldFile, newFile, expected, untouched);
  }

  /**
   * Rows added to the release, or none: copies of kept rows under new identifiers, either all from
   * a centre new to the release (a predicate explains them) or from the same centres (none does).
   */
  private List<String[]> addRows(List<String[]> kept, int oldRows, List<Expected> expected) {
    int choice = random.nextInt(3);
    if (choice == 0 || kept.isEmpty()) {
      return List.of();
    }
    int count = Math.max(10, rows / 25);
    List<String[]> added = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      String[] row = kept.get(random.nextInt(kept.size())).clone();
      row[0] = String.format(Locale.ROOT, "R%06d", oldRows + index + 1);
      row[1] = "Q" + (100_000_000 + oldRows + index);
      if (choice == 1) {
        row[7] = "Rouen";
      }
      added.add(row);
    }
    expected.add(
        choice == 1
            ? new Expected(
                "rows-added",
                "centre",
                Map.of("predicate", "centre = 'Rouen'", "coverage", 1.0, "addedRows", count))
            : new Expected("rows-added", "", Map.of("addedRows", count)));
    return added;
  }

  private List<String[]> filterRows(List<String[]> old, List<Expected> expected) {
    List<String[]> kept = new ArrayList<>();
    if (random.nextBoolean()) {
      int threshold = 16 + random.nextInt(6);
      for (String[] row : old) {
        if (Integer.parseInt(row[2]) >= threshold) {
          kept.add(row);
        }
      }
      expected.add(
          new Expected(
              "row-filter", "age", Map.of("predicate", "age < " + threshold, "coverage", 1.0)));
    } else {
      for (String[] row : old) {
        if (row[10].equals("yes")) {
          kept.add(row);
        }
      }
      expected.add(
          new Expected(
              "row-filter", "consent", Map.of("predicate", "consent = 'no'", "coverage", 1.0)));
    }
    return kept;
  }

  private void choose(
      Map<String, java.util.function.UnaryOperator<String>> transforms,
      List<Expected> expected,
      Set<String> untouched,
      Map<String, Long> municipalityCounts,
      List<String[]> kept) {
    if (random.nextInt(4) > 0) {
      Map<String, String> tokens = new HashMap<>();
      Set<String> used = new HashSet<>();
      transforms.put(
          "patient_id",
          value ->
              tokens.computeIfAbsent(
                  value,
                  key -> {
                    String token;
                    do {
                      token = String.format(Locale.ROOT, "%016x", random.nextLong());
                    } while (!used.add(token));
                    return token;
                  }));
      expected.add(
          new Expected(
              "pseudonymisation",
              "patient_id",
              Map.of("mapping", "one-to-one", "tokenLength", 16, "tokenAlphabet", "hexadecimal")));
    } else {
      untouched.add("patient_id");
    }
    if (random.nextBoolean()) {
      transforms.put("date_of_birth", value -> value.substring(0, 4));
      expected.add(
          new Expected(
              "generalisation", "date_of_birth", Map.of("rule", "date-to-year", "height", 2)));
    } else {
      transforms.put("date_of_birth", value -> value.substring(0, 7));
      expected.add(
          new Expected(
              "generalisation", "date_of_birth", Map.of("rule", "date-to-month", "height", 1)));
    }
    int keptCharacters = 2 + random.nextInt(2);
    if (random.nextBoolean()) {
      transforms.put("postcode", value -> value.substring(0, keptCharacters));
      expected.add(
          new Expected(
              "generalisation",
              "postcode",
              Map.of("rule", "string-truncated", "keptCharacters", keptCharacters)));
    } else {
      transforms.put(
          "postcode", value -> value.substring(0, keptCharacters) + "*".repeat(5 - keptCharacters));
      expected.add(
          new Expected(
              "generalisation",
              "postcode",
              Map.of("rule", "string-suffix-masked", "keptCharacters", keptCharacters)));
    }
    Map<String, String> recode = new TreeMap<>();
    boolean merge = random.nextBoolean();
    for (int index = 0; index < DIAGNOSES.length; index++) {
      recode.put(DIAGNOSES[index], merge ? DIAGNOSIS_GROUPS[index / 2] : DIAGNOSIS_NAMES[index]);
    }
    transforms.put("diagnosis", recode::get);
    expected.add(
        new Expected(
            "recoding",
            "diagnosis",
            Map.of("kind", merge ? "merge" : "relabelling", "pairs", recode)));
    int width = random.nextBoolean() ? 5 : 10;
    transforms.put(
        "age",
        value -> {
          int low = Integer.parseInt(value) / width * width;
          return low + "-" + (low + width - 1);
        });
    expected.add(
        new Expected(
            "generalisation", "age", Map.of("rule", "number-to-band", "width", (double) width)));
    double bound = new double[] {0.5, 1, 2, 3}[random.nextInt(4)];
    transforms.put(
        "weight_kg",
        value ->
            Double.toString(
                Math.round((Double.parseDouble(value) + (random.nextDouble() * 2 - 1) * bound) * 10)
                    / 10.0));
    expected.add(new Expected("noise", "weight_kg", Map.of("bound", bound)));
    long rareBelow = 3 + random.nextInt(3);
    transforms.put(
        "municipality", value -> municipalityCounts.get(value) < rareBelow ? "*" : value);
    long smallestKept = Long.MAX_VALUE;
    long largestMasked = -1;
    for (String[] row : kept) {
      long count = municipalityCounts.get(row[8]);
      if (count >= rareBelow) {
        smallestKept = Math.min(smallestKept, count);
      } else {
        largestMasked = Math.max(largestMasked, count);
      }
    }
    if (largestMasked >= 0) {
      expected.add(
          new Expected(
              "suppression",
              "municipality",
              Map.of(
                  "mask",
                  "*",
                  "smallestKeptCount",
                  smallestKept,
                  "largestMaskedCount",
                  largestMasked)));
    }
  }

  static void writeCsv(Path file, List<String> header, List<String[]> rows) throws IOException {
    try (CsvWriter csv = CsvWriter.builder().build(file)) {
      csv.writeRecord(header);
      for (String[] row : rows) {
        csv.writeRecord(row);
      }
    }
  }
}
