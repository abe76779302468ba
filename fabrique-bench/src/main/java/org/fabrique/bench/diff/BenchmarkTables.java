package org.fabrique.bench.diff;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a pair of health-like CSV tables of ten columns: the old version, and a new one in which
 * rows without consent were removed, 1% of rows were added, diagnoses were recoded, birth dates cut
 * to the month and 10% of weights perturbed. Deterministic for a given seed.
 */
final class BenchmarkTables {
  static final String HEADER =
      "id,patient_id,date_of_birth,age,sex,postcode,diagnosis,site,weight_kg,consent";
  private static final String[] DIAGNOSES = {
    "E11", "E10", "I10", "I21", "J45", "J44", "C50", "C34", "F32", "F20", "N18", "K21"
  };
  private static final String[] GROUPS = {
    "Diabetes",
    "Diabetes",
    "Cardiovascular",
    "Cardiovascular",
    "Respiratory",
    "Respiratory",
    "Cancer",
    "Cancer",
    "Mental",
    "Mental",
    "Other",
    "Other"
  };
  private static final String[] SITES = {
    "Lyon", "Paris", "Lille", "Nantes", "Brest", "Rennes", "Dijon", "Nice"
  };

  private BenchmarkTables() {}

  /** One generated row, as the fields of both versions need them. */
  private record Row(
      long id,
      String patient,
      LocalDate birth,
      int age,
      String sex,
      String postcode,
      int diagnosis,
      String site,
      double weight,
      boolean consent) {}

  static void write(Path oldFile, Path newFile, long rows, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    SplittableRandom noise = new SplittableRandom(seed + 1);
    LocalDate start = LocalDate.of(1930, 1, 1);
    try (BufferedWriter old = Files.newBufferedWriter(oldFile, StandardCharsets.UTF_8);
        BufferedWriter current = Files.newBufferedWriter(newFile, StandardCharsets.UTF_8)) {
      old.write(HEADER);
      old.write('\n');
      current.write(HEADER);
      current.write('\n');
      StringBuilder line = new StringBuilder(160);
      for (long index = 1; index <= rows; index++) {
        Row row = row(random, start, index);
        line.setLength(0);
        append(
            line,
            row,
            row.diagnosis() < 0 ? "" : DIAGNOSES[row.diagnosis()],
            row.birth().toString(),
            row.weight());
        old.append(line);
        if (row.consent()) {
          double weight =
              noise.nextInt(10) == 0
                  ? Math.round((row.weight() + noise.nextDouble(-2, 2)) * 10) / 10.0
                  : row.weight();
          line.setLength(0);
          append(
              line, row, GROUPS[row.diagnosis()], row.birth().toString().substring(0, 7), weight);
          current.append(line);
        }
        if (noise.nextInt(100) == 0) {
          Row extra = row(noise, start, rows + index);
          line.setLength(0);
          append(
              line,
              extra,
              GROUPS[extra.diagnosis()],
              extra.birth().toString().substring(0, 7),
              extra.weight());
          current.append(line);
        }
      }
    }
  }

  private static Row row(SplittableRandom random, LocalDate start, long id) {
    LocalDate birth = start.plusDays(random.nextInt(31_000));
    return new Row(
        id,
        "P" + (100_000_000 + random.nextInt(900_000_000)),
        birth,
        2024 - birth.getYear(),
        random.nextBoolean() ? "M" : "F",
        Integer.toString(10_000 + random.nextInt(85_000)),
        random.nextInt(DIAGNOSES.length),
        SITES[random.nextInt(SITES.length)],
        Math.round((72 + random.nextDouble(-25, 25)) * 10) / 10.0,
        random.nextInt(100) < 92);
  }

  private static void append(
      StringBuilder line, Row row, String diagnosis, String birth, double weight) {
    line.append(row.id())
        .append(',')
        .append(row.patient())
        .append(',')
        .append(birth)
        .append(',')
        .append(row.age())
        .append(',');
    line.append(row.sex())
        .append(',')
        .append(row.postcode())
        .append(',')
        .append(diagnosis)
        .append(',')
        .append(row.site())
        .append(',');
    line.append(weight).append(',').append(row.consent() ? "yes" : "no").append('\n');
  }
}
