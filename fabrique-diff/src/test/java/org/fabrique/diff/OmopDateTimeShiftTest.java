package org.fabrique.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fabrique.diff.report.ColumnEdits;
import org.fabrique.diff.report.ColumnOverview;
import org.fabrique.diff.report.DetectedIntervention;
import org.fabrique.diff.report.DiffReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates with a time, as OMOP CDM writes them ({@code birth_datetime} {@code 1953-03-01 00:00:00},
 * or ISO with a {@code T}), shifted as de-identification does: the same shift for everyone, or one
 * per person kept across the date and date-time columns of each row. Generated here, in the shape
 * of the Synthea OMOP tables.
 */
class OmopDateTimeShiftTest {
  @TempDir Path directory;

  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private DiffReport compare(String oldText, String newText, String key) {
    return new DatasetDiff()
        .compare(
            Files2.write(directory, "old.csv", oldText),
            Files2.write(directory, "new.csv", newText),
            DiffOptions.withKey(List.of(key)));
  }

  /** PERSON rows: id, year of birth, birth_datetime, source value; shifted by {@code days}. */
  private static String person(int rows, int days) {
    SplittableRandom random = new SplittableRandom(4);
    StringBuilder csv =
        new StringBuilder("person_id,gender_concept_id,year_of_birth,birth_datetime,location_id\n");
    for (int row = 1; row <= rows; row++) {
      LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(30_000));
      csv.append(row)
          .append(',')
          .append(row % 2 == 0 ? 8507 : 8532)
          .append(',')
          .append(birth.getYear())
          .append(',')
          .append(SPACED.format(birth.plusDays(days).atStartOfDay()))
          .append(",\n");
    }
    return csv.toString();
  }

  @Test
  void aDateTimeColumnShiftedByTenDaysIsADateShiftNotAKeptColumn() {
    DiffReport report = compare(person(28, 0), person(28, 10), "person_id");

    DetectedIntervention shift = only(report, "date-shift", "birth_datetime");
    assertEquals(10, shift.parameters().get("minimumOffsetDays"), shift::toString);
    assertEquals(10, shift.parameters().get("maximumOffsetDays"), shift::toString);
    assertEquals(false, shift.parameters().get("perRecord"), shift::toString);
    assertEquals("transformed", change(report, "birth_datetime"));
    assertEquals(1, report.interventions().size(), report.interventions()::toString);
    noEditedColumnIsKept(report);
    java.io.StringWriter markdown = new java.io.StringWriter();
    org.fabrique.diff.report.ReportWriters.write(
        report, org.fabrique.diff.report.ReportFormat.MD, markdown);
    assertTrue(
        markdown
            .toString()
            .contains("\n1 intervention detected; 0 rows removed, 0 added, 28 edited"),
        markdown::toString);
  }

  /** CONDITION_OCCURRENCE rows: dates and date-times, each person's shifted by its own offset. */
  private static String conditions(Function<String, Integer> offsetOfPerson, DateTimeFormatter at) {
    SplittableRandom random = new SplittableRandom(9);
    StringBuilder csv =
        new StringBuilder(
            "condition_occurrence_id,person_id,condition_start_date,condition_start_datetime,"
                + "condition_end_date,condition_end_datetime,condition_source_value\n");
    for (int row = 1; row <= 120; row++) {
      String person = Integer.toString(1 + random.nextInt(20));
      int days = offsetOfPerson.apply(person);
      LocalDateTime start =
          LocalDate.of(2000, 1, 1).plusDays(random.nextInt(8_000)).atTime(random.nextInt(24), 0);
      boolean ended = random.nextInt(4) > 0;
      LocalDateTime end = start.plusDays(random.nextInt(200));
      csv.append(row)
          .append(',')
          .append(person)
          .append(',')
          .append(start.plusDays(days).toLocalDate())
          .append(',')
          .append(at.format(start.plusDays(days)))
          .append(',')
          .append(ended ? end.plusDays(days).toLocalDate().toString() : "")
          .append(',')
          .append(ended ? at.format(end.plusDays(days)) : "")
          .append(',')
          .append(100_000 + random.nextInt(50))
          .append('\n');
    }
    return csv.toString();
  }

  @Test
  void datesAndDateTimesShiftedPerPersonAreOneShiftWithTheSameOffset() {
    Map<String, Integer> offsets = new java.util.HashMap<>();
    SplittableRandom draw = new SplittableRandom(21);
    Function<String, Integer> perPerson =
        person ->
            offsets.computeIfAbsent(
                person, any -> draw.nextInt(1, 181) * (draw.nextBoolean() ? 1 : -1));
    for (DateTimeFormatter format : List.of(SPACED, ISO)) {
      DiffReport report =
          compare(
              conditions(any -> 0, format),
              conditions(perPerson, format),
              "condition_occurrence_id");

      List<String> dated =
          List.of(
              "condition_start_date",
              "condition_start_datetime",
              "condition_end_date",
              "condition_end_datetime");
      for (String column : dated) {
        DetectedIntervention shift = only(report, "date-shift", column);
        assertEquals(true, shift.parameters().get("perRecord"), shift::toString);
        Set<Object> others = Set.copyOf((List<?>) shift.parameters().get("sameOffsetAs"));
        Set<Object> expected =
            dated.stream().filter(other -> !other.equals(column)).collect(Collectors.toSet());
        assertEquals(expected, others, shift::toString);
        assertEquals("transformed", change(report, column));
      }
      assertEquals(4, report.interventions().size(), report.interventions()::toString);
      noEditedColumnIsKept(report);
    }
  }

  @Test
  void aDateTimeWhoseHourChangedIsNotAShift() {
    String old = conditions(any -> 0, SPACED);
    String moved = old.replaceAll("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}):00:00", "$1 $2:30:00");

    DiffReport report = compare(old, moved, "condition_occurrence_id");

    assertTrue(
        report.interventions().stream().noneMatch(found -> found.type().equals("date-shift")),
        report.interventions()::toString);
    assertEquals("edited", change(report, "condition_start_datetime"), report.columns()::toString);
    noEditedColumnIsKept(report);
  }

  private static DetectedIntervention only(DiffReport report, String type, String column) {
    List<DetectedIntervention> found = new ArrayList<>();
    for (DetectedIntervention intervention : report.interventions()) {
      if (intervention.type().equals(type) && intervention.columns().contains(column)) {
        found.add(intervention);
      }
    }
    assertEquals(1, found.size(), () -> type + " on " + column + " in " + report.interventions());
    return found.get(0);
  }

  private static String change(DiffReport report, String column) {
    return report.columns().stream()
        .filter(line -> line.newName().equals(java.util.Optional.of(column)))
        .map(ColumnOverview::change)
        .findFirst()
        .orElseThrow();
  }

  /** A column whose cells changed is never "kept" in the table of columns. */
  static void noEditedColumnIsKept(DiffReport report) {
    for (ColumnEdits edits : report.columnEdits()) {
      if (edits.edited() > 0) {
        String fate = change(report, edits.newColumn());
        assertTrue(!fate.equals("kept") && !fate.equals("renamed"), edits.newColumn() + " " + fate);
      }
    }
  }
}
