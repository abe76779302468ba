package org.fabrique.diff.read;

import java.util.Arrays;
import org.fabrique.diff.profile.Hashes;
import org.fabrique.diff.profile.ValueType;

/**
 * A batch of rows held as the characters of their cells, with each cell's hash ({@link Hashes#of})
 * worked out as it is appended, in the same pass that tells whether it is all digits. Cells become
 * {@code String}s, and get their full type ({@link ValueType#of}), only when asked for: most cells
 * of a large table are only ever hashed and counted against a dictionary whose values were typed
 * once.
 */
public final class CellBatch {
  private static final ValueType[] TYPES = ValueType.values();
  private static final byte INTEGER = (byte) ValueType.INTEGER.ordinal();
  private static final byte UNTYPED = -1;
  private static final int REPLACEMENT = '\uFFFD';

  private final int width;
  private final int capacity;
  private char[] text;
  private int length;
  private final int[] ends;
  private final long[] hashes;
  private final byte[] types;
  private final long[] rowNumbers;
  private final boolean[] suspect;
  private int cells;
  private int rows;

  /**
   * @param width cells per row
   * @param capacity rows the batch holds
   */
  public CellBatch(int width, int capacity) {
    this(width, capacity, 1 << 16);
  }

  /**
   * @param width cells per row
   * @param capacity rows the batch holds
   * @param textCapacity characters the batch holds before it grows (a batch made after a full one
   *     is given that one's length, and rarely grows)
   */
  public CellBatch(int width, int capacity, int textCapacity) {
    this.width = width;
    text = new char[Math.max(16, textCapacity)];
    this.capacity = capacity;
    ends = new int[width * capacity];
    hashes = new long[width * capacity];
    types = new byte[width * capacity];
    rowNumbers = new long[capacity];
    suspect = new boolean[capacity];
  }

  public int width() {
    return width;
  }

  /** Characters held. */
  public int textLength() {
    return length;
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
    // One pass over the characters: the hash (as Hashes.of), whether they are all decimal digits
    // (a negative value in outside marks a character that is not), and decoding failures.
    long hash = Hashes.SEED;
    int outside = 0;
    int replaced = 0;
    int index = offset;
    int end = offset + count;
    for (; index + 4 <= end; index += 4) {
      char c0 = buffer[index];
      char c1 = buffer[index + 1];
      char c2 = buffer[index + 2];
      char c3 = buffer[index + 3];
      hash = Hashes.step(hash, Hashes.word(c0, c1, c2, c3));
      outside |= (c0 - '0') | ('9' - c0) | (c1 - '0') | ('9' - c1);
      outside |= (c2 - '0') | ('9' - c2) | (c3 - '0') | ('9' - c3);
      replaced |= (c0 ^ REPLACEMENT) - 1 | (c1 ^ REPLACEMENT) - 1;
      replaced |= (c2 ^ REPLACEMENT) - 1 | (c3 ^ REPLACEMENT) - 1;
    }
    for (int at = index; at < end; at++) {
      char c = buffer[at];
      outside |= (c - '0') | ('9' - c);
      replaced |= (c ^ REPLACEMENT) - 1;
    }
    if (index < end) {
      hash = Hashes.step(hash, Hashes.tail(buffer, index, end));
    }
    hashes[cells] = Hashes.finish(hash, count);
    // Only digits, at most 18 of them: an integer. Other types are worked out when asked for.
    types[cells] = count > 0 && count <= 18 && outside >= 0 ? INTEGER : UNTYPED;
    length += count;
    ends[cells++] = length;
    return replaced < 0;
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
    endRow(rowNumber, false);
  }

  /**
   * Marks the current row complete.
   *
   * @param unreliable true when the row was not read as written (a ragged row, bytes the decoder
   *     could not read): it is compared, but its edits are not evidence of an intervention
   */
  public void endRow(long rowNumber, boolean unreliable) {
    suspect[rows] = unreliable;
    rowNumbers[rows++] = rowNumber;
  }

  /** Whether the row was not read as written (see {@link #endRow(long, boolean)}). */
  public boolean unreliable(int row) {
    return suspect[row];
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

  /**
   * The cell's type ({@link ValueType#of}), worked out on first request unless it is an integer.
   */
  public ValueType type(int row, int column) {
    int index = row * width + column;
    byte type = types[index];
    if (type == UNTYPED) {
      int start = start(index);
      type = (byte) ValueType.of(text, start, ends[index] - start).ordinal();
      types[index] = type;
    }
    return TYPES[type];
  }

  /** The number of characters of a cell. */
  public int cellLength(int row, int column) {
    int index = row * width + column;
    return ends[index] - start(index);
  }

  /** Copies a cell's characters into {@code target} from {@code at} on. */
  public void copyCell(int row, int column, char[] target, int at) {
    int index = row * width + column;
    int start = start(index);
    System.arraycopy(text, start, target, at, ends[index] - start);
  }

  /** The number a numeric cell writes ({@link ValueSyntax#toDouble}), without making its string. */
  public double number(int row, int column) {
    int index = row * width + column;
    int start = start(index);
    return ValueSyntax.toDouble(text, start, ends[index] - start);
  }

  public String cell(int row, int column) {
    int index = row * width + column;
    int start = start(index);
    return new String(text, start, ends[index] - start);
  }

  /**
   * The row's cells in one string, each preceded by its length (one character, or {@link
   * #LONG_CELL} and two more for cells of {@code LONG_CELL} characters or more): a compact copy for
   * rows kept long, read back by {@link #unpackRow}.
   */
  public String packedRow(int row) {
    int first = row * width;
    int start = start(first);
    int end = ends[first + width - 1];
    StringBuilder packed = new StringBuilder(end - start + width);
    for (int column = 0; column < width; column++) {
      int cellStart = start(first + column);
      int cellLength = ends[first + column] - cellStart;
      if (cellLength < LONG_CELL) {
        packed.append((char) cellLength);
      } else {
        packed.append(LONG_CELL).append((char) (cellLength >>> 16)).append((char) cellLength);
      }
      packed.append(text, cellStart, cellLength);
    }
    return packed.toString();
  }

  /** The cells of a row packed by {@link #packedRow}. */
  public static String[] unpackRow(String packed) {
    java.util.List<String> cells = new java.util.ArrayList<>();
    int at = 0;
    while (at < packed.length()) {
      int cellLength = packed.charAt(at++);
      if (cellLength == LONG_CELL) {
        cellLength = packed.charAt(at) << 16 | packed.charAt(at + 1);
        at += 2;
      }
      cells.add(packed.substring(at, at + cellLength));
      at += cellLength;
    }
    return cells.toArray(new String[0]);
  }

  private static final char LONG_CELL = '\uFFFF';

  /** The row's cells as strings (a new array). */
  public String[] row(int row) {
    String[] row0 = new String[width];
    for (int column = 0; column < width; column++) {
      row0[column] = cell(row, column);
    }
    return row0;
  }
}
