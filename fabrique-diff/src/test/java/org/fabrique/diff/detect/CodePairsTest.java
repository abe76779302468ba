package org.fabrique.diff.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.read.CellBatch;
import org.junit.jupiter.api.Test;

/**
 * The pairs of codes of a column's edits are a mapping of its old values only when they hold every
 * edit: one new value without a code (its column has too many values for a dictionary) and they are
 * given up, rather than read as a mapping with values missing.
 */
class CodePairsTest {
  @Test
  void anEditToAValueWithoutACodeGivesUpThePairs() {
    ColumnProfile old = new ColumnProfile("sex");
    int male = old.encode("M");
    CellBatch batch = new CellBatch(1, 2);
    batch.append("1");
    batch.endRow(1);
    batch.append("2");
    batch.endRow(2);

    ColumnComparison coded = new ColumnComparison("sex", "sex");
    coded.edit(0, male, old.hash(male), old, null, 0, batch, 0, 0);
    coded.edit(1, male, old.hash(male), old, null, 0, batch, 0, 0);
    coded.finish();
    assertFalse(coded.codePairsOverflowed);
    assertEquals(1, coded.codePairs.size());

    ColumnComparison partly = new ColumnComparison("sex", "sex");
    partly.edit(0, male, old.hash(male), old, null, 0, batch, 0, 0);
    partly.edit(1, male, old.hash(male), old, null, ColumnProfile.OVERFLOW, batch, 1, 0);
    partly.finish();
    assertTrue(partly.codePairsOverflowed);
    assertEquals(2, partly.edited());
  }
}
