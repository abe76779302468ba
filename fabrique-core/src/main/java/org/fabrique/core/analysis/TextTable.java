package org.fabrique.core.analysis;

import java.util.List;

/**
 * A table of text for export: a title, column headers and rows of cells (as many as headers).
 * Journey query results are written as one.
 */
public record TextTable(String title, List<String> headers, List<List<String>> rows) {
  public TextTable {
    title = title == null ? "" : title;
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException("A row of a table has as many cells as headers");
      }
    }
  }
}
