package org.fabrique.diff.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fabrique.diff.read.CellBatch;
import org.junit.jupiter.api.Test;

/**
 * A row sample told how many rows to expect starts at a lower rate but ends with the same rows as
 * one that was not told, as long as the estimate is not more than twice too high.
 */
class RowSampleTest {
  @Test
  void anExpectedSizeChangesWhichRowsAreCopiedNotWhichAreKept() {
    int rows = 300_000;
    for (long expected : new long[] {0, 1_000, rows / 2, rows, rows * 2L}) {
      RowSample told = new RowSample(20_000, expected);
      RowSample untold = new RowSample(20_000);
      SplittableRandom random = new SplittableRandom(5);
      CellBatch batch = new CellBatch(2, 1);
      for (int row = 0; row < rows; row++) {
        batch.clear();
        batch.append(Integer.toString(row));
        batch.append("v" + row);
        batch.endRow(row + 1);
        long key = random.nextLong();
        told.offer(key, batch, 0);
        untold.offer(key, batch, 0);
      }
      assertEquals(untold.rate(), told.rate(), "expected " + expected);
      SplittableRandom again = new SplittableRandom(5);
      for (int row = 0; row < rows; row++) {
        long key = again.nextLong();
        assertEquals(untold.row(key).isPresent(), told.row(key).isPresent());
      }
      assertTrue(untold.rate() < 1);
    }
  }
}
