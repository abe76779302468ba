package org.fabrique.diff.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.fabrique.diff.read.CellBatch;
import org.junit.jupiter.api.Test;

/**
 * A cell hashed and typed while it is copied into a batch must get the hash and the type its text
 * gets as a string: old and new values are compared by hash, and dictionaries type each value once.
 */
class CellHashingTest {
  private static final String ALPHABET = "0123456789-+.eE TtFfPabcé\uFFFD";

  @Test
  void batchCellsHashAndTypeAsTheirStrings() {
    List<String> edge =
        List.of(
            "",
            " ",
            "0",
            "7",
            "42",
            "-42",
            "+42",
            "123456789012345678",
            "1234567890123456789",
            "3.14",
            "1e5",
            "2001-04-09",
            "2001-04-09T10:00",
            "2001-13-09",
            "true",
            "FALSE",
            "yes",
            "P554697556",
            "abcd",
            "abcde",
            "é",
            "\uFFFD");
    SplittableRandom random = new SplittableRandom(7);
    CellBatch batch = new CellBatch(1, 4_096);
    List<String> values = new java.util.ArrayList<>(edge);
    while (values.size() < 4_096) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(14);
      for (int index = 0; index < length; index++) {
        value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      values.add(value.toString());
    }
    for (int row = 0; row < values.size(); row++) {
      String value = values.get(row);
      boolean replaced = batch.append(value.toCharArray(), 0, value.length());
      batch.endRow(row + 1);
      assertEquals(value.indexOf('\uFFFD') >= 0, replaced, value);
    }
    for (int row = 0; row < values.size(); row++) {
      String value = values.get(row);
      assertEquals(Hashes.of(value), batch.hash(row, 0), value);
      char[] padded = ("xy" + value + "z").toCharArray();
      assertEquals(Hashes.of(value), Hashes.of(padded, 2, value.length()), value);
      assertEquals(ValueType.of(value), batch.type(row, 0), value);
      assertEquals(value, batch.cell(row, 0));
    }
  }

  @Test
  void hashesTellApartValuesThatDifferByLengthOrPlace() {
    Set<Long> hashes = new HashSet<>();
    List<String> values =
        List.of("", "a", "a\u0000", "\u0000a", "ab", "ba", "abcd", "abcd\u0000", "abdc", "bacd");
    for (String value : values) {
      hashes.add(Hashes.of(value));
    }
    assertEquals(values.size(), hashes.size());
    assertNotEquals(Hashes.of("10"), Hashes.of("01"));
  }

  @Test
  void reservoirOfAnOverflowedColumnIsAUniformSample() {
    ColumnProfile profile = new ColumnProfile("weight");
    int count = 1_000_000;
    for (int value = 0; value < count; value++) {
      profile.encode(Integer.toString(value));
    }
    assertTrue(profile.overflowed());
    ColumnProfile.WeightedValues sample = profile.numericValues();
    double[] values = sample.values();
    assertEquals(4_096, values.length);
    // Each decile of the range holds about a tenth of the sample (binomial sd about 19).
    int[] deciles = new int[10];
    for (double value : values) {
      deciles[(int) (value / (count / 10))]++;
    }
    for (int decile : deciles) {
      assertTrue(Math.abs(decile - 409.6) < 100, () -> java.util.Arrays.toString(deciles));
    }
    assertEquals(
        values.length, new HashSet<>(java.util.Arrays.stream(values).boxed().toList()).size());
  }
}
