package org.fabrique.core.analysis;

import java.util.List;

/**
 * A table of counts with labelled rows and columns, such as codes by sources. Each cell can be
 * drilled down to its segments through the service that built it, by the keys of its row and
 * column.
 *
 * @param corner what the rows and the columns are, e.g. "Code / Case"
 */
public record Matrix(
    String corner, List<Header> rows, List<Header> columns, List<List<Cell>> cells) {
  public Matrix {
    rows = List.copyOf(rows);
    columns = List.copyOf(columns);
    cells = cells.stream().map(List::copyOf).toList();
  }

  public Cell cell(int row, int column) {
    return cells.get(row).get(column);
  }

  /** A row or a column: a stable key (an id, an attribute value) and a label for people. */
  public record Header(String key, String label) {}

  /**
   * What a cell counts.
   *
   * @param segments the number of distinct segments
   * @param characters the number of distinct characters they cover (overlaps counted once)
   * @param sources the number of distinct sources they come from
   */
  public record Cell(int segments, long characters, int sources) {
    public static final Cell EMPTY = new Cell(0, 0, 0);

    /** The count a picture or an export shows for a measure. */
    public long value(Measure measure) {
      return switch (measure) {
        case SEGMENTS -> segments;
        case CHARACTERS -> characters;
        case SOURCES -> sources;
      };
    }
  }

  /** What a picture or an export of the matrix shows in each cell. */
  public enum Measure {
    SEGMENTS,
    CHARACTERS,
    SOURCES
  }
}
