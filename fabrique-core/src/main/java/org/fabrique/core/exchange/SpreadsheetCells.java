package org.fabrique.core.exchange;

import java.util.regex.Pattern;

/**
 * Cells of CSV and XLSX outputs, guarded against spreadsheet formula injection: a text starting
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with an
 * apostrophe, so that a spreadsheet shows it instead of running it. Plain numbers ({@code -3.5})
 * are left as they are. Every CSV and XLSX writer of Fabrique writes its text cells through here
 * (the standalone diff library keeps its own copy of the rule).
 */
public final class SpreadsheetCells {
  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?([eE][-+]?\\d+)?");

  private SpreadsheetCells() {}

  /** The text of a cell, neutralised when a spreadsheet would read it as a formula. */
  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    if ("=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches()) {
      return "'" + value;
    }
    return value;
  }
}
