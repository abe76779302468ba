package org.fabrique.core.corpus;

import java.util.Arrays;
import org.fabrique.core.error.InvalidInputException;

/**
 * An immutable plain text with positions in Unicode code points, the unit of every segment. This is
 * the one place where code-point positions are converted to and from Java's UTF-16 indices.
 *
 * <p>Conversion is O(log n): the text keeps the UTF-16 indices of its surrogate pairs, so a text
 * without characters outside the Basic Multilingual Plane needs no table at all.
 */
public final class PlainText {
  private static final int[] NONE = new int[0];

  private final String text;
  private final int length;

  /** UTF-16 indices of the high surrogate of every supplementary character, ascending. */
  private final int[] pairs;

  private PlainText(String text) {
    this.text = text;
    int[] found = NONE;
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isHighSurrogate(text.charAt(i))
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (count == found.length) {
          found = Arrays.copyOf(found, Math.max(16, count * 2));
        }
        found[count++] = i;
        i++;
      }
    }
    this.pairs = Arrays.copyOf(found, count);
    this.length = text.length() - count;
  }

  public static PlainText of(String text) {
    return new PlainText(text);
  }

  /** The text as a Java string. */
  public String text() {
    return text;
  }

  /** The length in code points. */
  public int length() {
    return length;
  }

  /** The UTF-16 index of a code-point position ({@code 0..length()}). */
  public int toUtf16(int codePoint) {
    checkPosition(codePoint);
    // the number of pairs whose code-point position is below codePoint: pair k is at code point
    // pairs[k] - k.
    int low = 0;
    int high = pairs.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (pairs[mid] - mid < codePoint) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return codePoint + low;
  }

  /**
   * The code-point position of a UTF-16 index ({@code 0..text().length()}). An index that falls
   * between the two halves of a surrogate pair is moved back to the start of the character.
   */
  public int toCodePoint(int utf16) {
    if (utf16 < 0 || utf16 > text.length()) {
      throw new InvalidInputException(
          "UTF-16 index " + utf16 + " is outside the text (0.." + text.length() + ")");
    }
    int low = 0;
    int high = pairs.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (pairs[mid] < utf16) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    // low pairs start before utf16; an index inside a pair counts that pair, which lands on the
    // start of its character.
    return utf16 - low;
  }

  /** The text between two code-point positions, {@code [start, end)}. */
  public String substring(int start, int end) {
    checkSpan(start, end);
    return text.substring(toUtf16(start), toUtf16(end));
  }

  /** The text between two code-point positions, {@code [start, end)}, which may be empty. */
  public String slice(int start, int end) {
    checkPosition(start);
    checkPosition(end);
    if (end < start) {
      throw new InvalidInputException(
          "The span [" + start + ", " + end + ") ends before it starts");
    }
    return text.substring(toUtf16(start), toUtf16(end));
  }

  /** Throws unless {@code [start, end)} is a non-empty span of this text. */
  public void checkSpan(int start, int end) {
    if (start < 0 || end > length || start >= end) {
      throw new InvalidInputException(
          "The span ["
              + start
              + ", "
              + end
              + ") is not a non-empty span of a text of "
              + length
              + " characters");
    }
  }

  private void checkPosition(int codePoint) {
    if (codePoint < 0 || codePoint > length) {
      throw new InvalidInputException(
          "Position " + codePoint + " is outside the text (0.." + length + ")");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PlainText that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return "PlainText[" + length + " code points]";
  }
}
