package org.fabrique.diff.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * A kept column is told only the relations the value detectors would misread; trying those rules
 * first, and the others only when one of them explains enough rows, chooses as trying every rule.
 */
class KeptColumnRelationsTest {
  private static final DateTimeFormatter FRENCH_DATE =
      DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);

  /** How an old value becomes a new one, given the row's random draws. */
  private record Change(String name, BiFunction<String, Random, String> apply) {}

  @Test
  void theKeptColumnsRelationIsTheOneEveryRuleWouldChoose() {
    Random random = new Random(20261205);
    Set<String> told = new TreeSet<>();
    Map<String, Integer> tried = new HashMap<>();
    for (int round = 0; round < 300; round++) {
      Column column = COLUMNS.get(random.nextInt(COLUMNS.size()));
      Change main = CHANGES.get(random.nextInt(CHANGES.size()));
      Change other = CHANGES.get(random.nextInt(CHANGES.size()));
      // Most rows follow one change; a few (none, some, or many) follow another or stay as they
      // were.
      double otherShare = new double[] {0, 0.02, 0.04, 0.06, 0.3}[random.nextInt(5)];
      List<String> olds = new ArrayList<>();
      List<String> news = new ArrayList<>();
      int rows = 20 + random.nextInt(400);
      for (int row = 0; row < rows; row++) {
        String before = random.nextInt(50) == 0 ? "" : column.value(random);
        Change change = random.nextDouble() < otherShare ? other : main;
        olds.add(before);
        news.add(before.isEmpty() ? "" : change.apply().apply(before, random));
      }
      Optional<ColumnRelations.Relation> everyRule =
          ColumnRelations.find(olds, news).filter(ColumnRelations::isTellingOnKeptColumn);
      Optional<ColumnRelations.Relation> tellingFirst =
          ColumnRelations.findOnKeptColumn(olds, news);
      String name = column.name() + " " + main.name() + " (+" + otherShare + " " + other.name();
      assertEquals(
          everyRule.map(ColumnRelations.Relation::toString),
          tellingFirst.map(ColumnRelations.Relation::toString),
          name);
      tried.merge(main.name(), 1, Integer::sum);
      tellingFirst.ifPresent(relation -> told.add(relation.rule()));
    }
    // The cases above reach every relation a kept column is told, and not only the empty answer.
    assertEquals(
        new TreeSet<>(List.of("affine", "bottom-coding", "date-shift", "format", "top-coding")),
        told,
        "relations told over " + tried);
  }

  @Test
  void aKeptColumnIsNotToldAMappingOrAGeneralisation() {
    List<String> olds = new ArrayList<>();
    List<String> news = new ArrayList<>();
    for (int row = 0; row < 100; row++) {
      olds.add("1980-01-" + String.format(Locale.ROOT, "%02d", 1 + row % 28));
      news.add("1980");
    }
    assertTrue(ColumnRelations.find(olds, news).isPresent(), "a date reduced to its year");
    assertTrue(ColumnRelations.findOnKeptColumn(olds, news).isEmpty());
  }

  private record Column(String name, java.util.function.Function<Random, String> values) {
    String value(Random random) {
      return values.apply(random);
    }
  }

  private static final List<Column> COLUMNS =
      List.of(
          new Column("age", random -> Integer.toString(random.nextInt(105))),
          new Column(
              "weight",
              random -> String.format(Locale.ROOT, "%.1f", 40 + random.nextDouble() * 80)),
          new Column(
              "date",
              random -> LocalDate.of(1930, 1, 1).plusDays(random.nextInt(30_000)).toString()),
          new Column(
              "postcode", random -> String.format(Locale.ROOT, "%05d", random.nextInt(96_000))),
          new Column("sex", random -> random.nextBoolean() ? "M" : "F"),
          new Column(
              "site", random -> List.of("Lyon", "Nice", "Rennes", "Lille").get(random.nextInt(4))));

  private static final List<Change> CHANGES =
      List.of(
          new Change("unchanged", (value, random) -> value),
          new Change("edited", (value, random) -> value + random.nextInt(3)),
          new Change("top-coded at 90", (value, random) -> number(value, v -> Math.min(v, 90))),
          new Change("top-coded as 80+", (value, random) -> openTop(value, 80)),
          new Change("bottom-coded at 18", (value, random) -> number(value, v -> Math.max(v, 18))),
          new Change("in pounds", (value, random) -> number(value, v -> v * 2.20462)),
          new Change("in tenths", (value, random) -> number(value, v -> v * 10 + 3)),
          new Change(
              "rounded down to 5", (value, random) -> number(value, v -> 5 * Math.floor(v / 5))),
          new Change("banded", (value, random) -> band(value)),
          new Change("leading zeros dropped", (value, random) -> number(value, v -> v)),
          new Change("shifted 10 days", (value, random) -> shifted(value, 10)),
          new Change(
              "shifted per record", (value, random) -> shifted(value, random.nextInt(31) - 15)),
          new Change("french date", (value, random) -> french(value)),
          new Change(
              "year", (value, random) -> value.length() >= 4 ? value.substring(0, 4) : value),
          new Change(
              "first two", (value, random) -> value.length() >= 2 ? value.substring(0, 2) : value),
          new Change("token", (value, random) -> Integer.toHexString(value.hashCode() * 31 + 7)));

  private static String number(String value, java.util.function.DoubleUnaryOperator change) {
    try {
      double changed = change.applyAsDouble(Double.parseDouble(value));
      return changed == Math.rint(changed)
          ? Long.toString((long) changed)
          : String.format(Locale.ROOT, "%.2f", changed);
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static String openTop(String value, int threshold) {
    try {
      return Double.parseDouble(value) > threshold ? threshold + "+" : value;
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static String band(String value) {
    try {
      long low = 10 * (long) Math.floor(Double.parseDouble(value) / 10);
      return low + "-" + (low + 9);
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static String shifted(String value, int days) {
    try {
      return LocalDate.parse(value).plusDays(days).toString();
    } catch (java.time.format.DateTimeParseException e) {
      return value;
    }
  }

  private static String french(String value) {
    try {
      return LocalDate.parse(value).format(FRENCH_DATE);
    } catch (java.time.format.DateTimeParseException e) {
      return value;
    }
  }
}
