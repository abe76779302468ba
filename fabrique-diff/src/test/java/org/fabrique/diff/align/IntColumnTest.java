package org.fabrique.diff.align;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Distinct ints are counted exactly, zero and negative ones included, as far as it takes. */
class IntColumnTest {
  @Test
  void distinctIntsAreCountedExactly() {
    IntColumn column = new IntColumn();
    SplittableRandom random = new SplittableRandom(5);
    for (int row = 0; row < 200_000; row++) {
      // 70,000 values, each at least once (then at random), zero and negatives among them.
      column.add(row < 70_000 ? row - 35_000 : random.nextInt(70_000) - 35_000);
    }
    assertTrue(column.holdsMoreDistinctThan(69_999));
    assertFalse(column.holdsMoreDistinctThan(70_000));
    assertFalse(column.holdsMoreDistinctThan(100_000));
    IntColumn hashes = new IntColumn();
    for (int row = 0; row < 300_000; row++) {
      hashes.add(random.nextInt());
    }
    assertTrue(hashes.holdsMoreDistinctThan(1 << 16));
    assertFalse(new IntColumn().holdsMoreDistinctThan(0));
  }
}
