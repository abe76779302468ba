package org.fabrique.diff.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fabrique.diff.read.CellBatch;
import org.junit.jupiter.api.Test;

/**
 * A dictionary sized from the first rows is a size hint: whatever the hint, the same cells get the
 * same codes, counts, values and overflow, and the values kept as characters read back as the cells
 * they came from.
 */
class DictionarySizingTest {
  @Test
  void theSizeHintChangesNoCodeCountOrValue() {
    SplittableRandom random = new SplittableRandom(11);
    List<String> cells = new ArrayList<>();
    for (int row = 0; row < 90_000; row++) {
      // Repeated categories first, then more distinct values than a dictionary holds.
      cells.add(
          row < 20_000
              ? "cat-" + random.nextInt(300)
              : row % 5 == 0 ? "é" + row : Integer.toString(random.nextInt(1_000_000)));
    }
    ColumnProfile unsized = profile(cells, 0);
    for (int hint : new int[] {1, 300, 40_000, ColumnProfile.DICTIONARY_LIMIT, 5_000_000}) {
      ColumnProfile sized = profile(cells, hint);
      assertEquals(unsized.overflowed(), sized.overflowed(), "hint " + hint);
      assertEquals(unsized.dictionarySize(), sized.dictionarySize(), "hint " + hint);
      for (int code = 0; code < unsized.dictionarySize(); code++) {
        assertEquals(unsized.value(code), sized.value(code));
        assertEquals(unsized.countOf(code), sized.countOf(code));
        assertEquals(unsized.type(code), sized.type(code));
      }
      assertEquals(unsized.distinct(), sized.distinct());
      assertEquals(unsized.numericValues().total(), sized.numericValues().total());
    }
    assertTrue(unsized.overflowed());
    assertEquals("cat-" + new SplittableRandom(11).nextInt(300), unsized.value(0));
  }

  @Test
  void theFirstRowsTellHowLargeADictionaryWillBe() {
    ColumnProfile categories = profile(List.of("a", "b", "a", "c"), 0);
    assertEquals(3, DistinctForecast.expectedValues(categories, 4, 1_000_000));
    List<String> identifiers = new ArrayList<>();
    for (int row = 0; row < 2_000; row++) {
      identifiers.add("P" + row);
    }
    ColumnProfile unique = profile(identifiers, 0);
    // Every first value different: as many as the table's rows, up to the dictionary's limit.
    assertEquals(50_000, DistinctForecast.expectedValues(unique, 2_000, 50_000));
    assertEquals(
        ColumnProfile.DICTIONARY_LIMIT, DistinctForecast.expectedValues(unique, 2_000, 70_000));
    // Far more rows than a dictionary holds values, and nothing repeated yet: none is kept.
    assertEquals(
        ColumnProfile.BEYOND_DICTIONARY, DistinctForecast.expectedValues(unique, 2_000, 9_000_000));
    assertFalse(unique.overflowed());
  }

  @Test
  void firstRowsDrawnFromALargeSetTellAColumnBeyondTheDictionary() {
    // Postcodes: 20,000 first rows drawn from 90,000 values; the table's 300,000 rows hold ~87,000.
    ColumnProfile postcodes = profile(draws(20_000, 90_000, 3), 0);
    assertEquals(
        ColumnProfile.BEYOND_DICTIONARY,
        DistinctForecast.expectedValues(postcodes, 20_000, 300_000));
    // Birth dates: drawn from 31,000 values, the dictionary holds them all.
    ColumnProfile dates = profile(draws(20_000, 31_000, 4), 0);
    int expected = DistinctForecast.expectedValues(dates, 20_000, 300_000);
    assertTrue(expected < ColumnProfile.DICTIONARY_LIMIT, "expected " + expected);
    // The same postcodes in a table hardly larger than its first rows: their dictionary is kept.
    assertTrue(
        DistinctForecast.expectedValues(postcodes, 20_000, 60_000)
            <= ColumnProfile.DICTIONARY_LIMIT);
  }

  @Test
  void theEstimateOfDistinctValuesFollowsTheDraws() {
    for (int set : new int[] {5_000, 31_000, 90_000, 1_000_000}) {
      List<String> first = draws(20_000, set, set);
      long seen = first.stream().distinct().count();
      double estimate = DistinctForecast.expectedDistinct(seen, 20_000, 300_000);
      long actual = draws(300_000, set, set).stream().distinct().count();
      assertEquals(actual, estimate, actual * 0.05, "a set of " + set);
    }
    assertEquals(300_000, DistinctForecast.expectedDistinct(20_000, 20_000, 300_000));
  }

  @Test
  void aProfileWithoutDictionaryCountsAndEstimatesAsAnOverflowedOne() {
    // 300,000 values drawn from a million: about 260,000 distinct, past the dictionary's limit.
    List<String> cells = draws(300_000, 1_000_000, 9);
    cells.add("");
    ColumnProfile without = profile(cells, ColumnProfile.BEYOND_DICTIONARY);
    ColumnProfile with = profile(cells, 0);
    assertTrue(without.withoutDictionary());
    assertTrue(with.overflowed() && without.overflowed());
    assertFalse(with.withoutDictionary() || without.distinctExact());
    assertEquals(0, without.dictionarySize());
    assertTrue(without.frequencies().isEmpty());
    assertEquals(with.distinct(), without.distinct());
    assertEquals(with.sketch().estimate(), without.sketch().estimate());
    for (ValueType type : ValueType.values()) {
      assertEquals(with.count(type), without.count(type), type.label());
    }
    assertEquals(1, without.blank());
    assertEquals(ValueType.INTEGER, without.type());
    assertEquals(4_096, without.numericValues().total());
  }

  /** {@code count} values drawn uniformly from a set of {@code set} numbers. */
  private static List<String> draws(int count, int set, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> cells = new ArrayList<>();
    for (int draw = 0; draw < count; draw++) {
      cells.add(Integer.toString(10_000 + random.nextInt(set)));
    }
    return cells;
  }

  private static ColumnProfile profile(List<String> cells, int hint) {
    ColumnProfile profile = new ColumnProfile("column", hint);
    CellBatch batch = new CellBatch(1, 1_024);
    for (String cell : cells) {
      batch.append(cell);
      batch.endRow(batch.rows() + 1);
      if (batch.isFull()) {
        encodeAll(profile, batch);
      }
    }
    encodeAll(profile, batch);
    return profile;
  }

  private static void encodeAll(ColumnProfile profile, CellBatch batch) {
    for (int row = 0; row < batch.rows(); row++) {
      profile.encode(batch, row, 0);
    }
    batch.clear();
  }
}
