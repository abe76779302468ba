package org.fabrique.core.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {
  @Test
  void cellsThatASpreadsheetWouldRunAreNeutralised() {
    assertEquals("'=HYPERLINK(\"http://x\")", SpreadsheetCells.text("=HYPERLINK(\"http://x\")"));
    assertEquals("'+1+cmd|' /C calc'!A0", SpreadsheetCells.text("+1+cmd|' /C calc'!A0"));
    assertEquals("'-2+3", SpreadsheetCells.text("-2+3"));
    assertEquals("'@SUM(A1)", SpreadsheetCells.text("@SUM(A1)"));
    assertEquals("'\tx", SpreadsheetCells.text("\tx"));
    assertEquals("'\rx", SpreadsheetCells.text("\rx"));
  }

  @Test
  void plainTextAndNumbersStayAsTheyAre() {
    assertEquals("Consentement", SpreadsheetCells.text("Consentement"));
    assertEquals("-3.5", SpreadsheetCells.text("-3.5"));
    assertEquals("+33", SpreadsheetCells.text("+33"));
    assertEquals("", SpreadsheetCells.text(""));
    assertEquals("", SpreadsheetCells.text(null));
  }
}
