package org.fabrique.diff.read;

import java.util.Arrays;
import org.fabrique.diff.profile.Hashes;
import org.fabrique.diff.profile.ValueType;

/**
 * A batch of rows held as the characters of their cells, with each cell's hash ({@link Hashes#of})
 * and type ({@link ValueType#of}) worked out as it is appended. Cells become {@code String}s only
 * when asked for: most cells of a large table are only ever hashed, typed and counted.
 */
public final class CellBatch {
  private static final ValueType[] TYPES = ValueType.values();

  private final int width;
  private final int capacity;
  private char[] text = new char[1 << 16];
  private int length;
  private final int[] ends;
  private final long[] hashes;
  private final byte[] types;
  private final long[] rowNumbers;
  private int cells;
  private int rows;

  /**
   * @param width cells per row
   * @param capacity rows the batch holds
   */
  public CellBatch(int width, int capacity) {
    this.width = width;
    this.capacity = capacity;
    ends = new int[width * capacity];
    hashes = new long[width * capacity];
    types = new byte[width * capacity];
    rowNumbers = new long[capacity];
  }

  public int width() {
    return width;
  }

  /** Complete rows held. */
  public int rows() {
    return rows;
  }

  public boolean isFull() {
    return rows == capacity;
  }

  /**
   * Appends the next cell of the current row.
   *
   * @return true when the cell holds a replacement character (bytes the decoder could not read)
   */
  public boolean append(char[] buffer, int offset, int count) {
    if (length + count > text.length) {
      text = Arrays.copyOf(text, Math.max(text.length * 2, length + count));
    }
    System.arraycopy(buffer, offset, text, length, count);
    long hash = 0xcbf29ce484222325L;
    boolean replaced = false;
    for (int index = offset; index < offset + count; index++) {
      char c = buffer[index];
      hash ^= c;
      hash *= 0x100000001b3L;
      replaced |= c == '\uFFFD';
    }
    hashes[cells] = Hashes.mix(hash);
    types[cells] = (byte) ValueType.of(buffer, offset, count).ordinal();
    length += count;
    ends[cells++] = length;
    return replaced;
  }

  public void append(String cell) {
    char[] chars = cell.toCharArray();
    append(chars, 0, chars.length);
  }

  /** Empties the batch, to fill it again. */
  public void clear() {
    cells = 0;
    rows = 0;
    length = 0;
  }

  /** Forgets the cells of a row not yet ended. */
  public void dropPartialRow() {
    cells = rows * width;
    length = cells == 0 ? 0 : ends[cells - 1];
  }

  /** Cells appended to the current row so far. */
  public int cellsInRow() {
    return cells - rows * width;
  }

  /** Marks the current row complete (all {@link #width} cells appended). */
  public void endRow(long rowNumber) {
    rowNumbers[rows++] = rowNumber;
  }

  public long rowNumber(int row) {
    return rowNumbers[row];
  }

  private int start(int index) {
    return index == 0 ? 0 : ends[index - 1];
  }

  public long hash(int row, int column) {
    return hashes[row * width + column];
  }

  public ValueType type(int row, int column) {
    return TYPES[types[row * width + column]];
  }

  public String cell(int row, int column) {
    int index = row * width + column;
    int start = start(index);
    return new String(text, start, ends[index] - start);
  }

  /** The row's cells as strings (a new array). */
  public String[] row(int row) {
    String[] row0 = new String[width];
    for (int column = 0; column < width; column++) {
      row0[column] = cell(row, column);
    }
    return row0;
  }
}
