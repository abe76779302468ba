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
    assertEquals(3, ColumnProfile.expectedValues(categories, 4, 1_000_000));
    List<String> identifiers = new ArrayList<>();
    for (int row = 0; row < 2_000; row++) {
      identifiers.add("P" + row);
    }
    ColumnProfile unique = profile(identifiers, 0);
    // Every first value different: as many as the table's rows, up to the dictionary's limit.
    assertEquals(50_000, ColumnProfile.expectedValues(unique, 2_000, 50_000));
    assertEquals(
        ColumnProfile.DICTIONARY_LIMIT, ColumnProfile.expectedValues(unique, 2_000, 9_000_000));
    assertFalse(unique.overflowed());
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
