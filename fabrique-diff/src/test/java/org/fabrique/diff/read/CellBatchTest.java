package org.fabrique.diff.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Rows kept long are packed into one string each; unpacked, they give back their cells. */
class CellBatchTest {

  @Test
  void packedRowsUnpackToTheirCells() {
    String longCell = "x".repeat(70_000);
    String[][] rows = {
      {"1", "", "Alice", "2001-04-09"},
      {"", "", "", ""},
      {"\uFFFF", "é\u0000", longCell, "z"},
      {longCell, "a", "b", longCell}
    };
    CellBatch batch = new CellBatch(4, rows.length);
    for (int row = 0; row < rows.length; row++) {
      for (String cell : rows[row]) {
        batch.append(cell);
      }
      batch.endRow(row + 1);
    }
    for (int row = 0; row < rows.length; row++) {
      assertArrayEquals(rows[row], CellBatch.unpackRow(batch.packedRow(row)));
    }
  }
}
