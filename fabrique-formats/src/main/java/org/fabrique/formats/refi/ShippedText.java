package org.fabrique.formats.refi;

import java.text.Normalizer;
import java.util.Arrays;
import org.fabrique.core.corpus.PlainText;

/**
 * The plain text of a source as its producer shipped it (byte-order mark, CRLF line ends,
 * decomposed accents and all) beside the normalised plain text Fabrique keeps, with the map from
 * one to the other, so that positions counted in the shipped text under any {@link PositionReading}
 * can be placed on the normalised one.
 */
final class ShippedText {
  private static final int BOM = 0xFEFF;

  private final String raw;
  private final PlainText plain;

  /** For each code point of the shipped text, the code point of the plain text it became. */
  private final int[] rawToPlain;

  private final boolean bom;
  private final boolean crlf;
  private final boolean exact;

  /**
   * @param raw the shipped text as decoded, its byte-order mark included when the file has one
   * @param plain the normalised text ({@link org.fabrique.core.corpus.TextNormalizer} of raw)
   */
  ShippedText(String raw, PlainText plain) {
    this.raw = raw;
    this.plain = plain;
    int count = raw.codePointCount(0, raw.length());
    int[] rawToCleaned = new int[count + 1];
    StringBuilder cleaned = new StringBuilder(raw.length());
    int cleanedCount = 0;
    boolean sawCrlf = false;
    int index = 0;
    for (int cp = 0; cp < count; cp++) {
      int c = raw.codePointAt(index);
      int next = index + Character.charCount(c);
      rawToCleaned[cp] = cleanedCount;
      if (c == '\r' && next < raw.length() && raw.charAt(next) == '\n') {
        sawCrlf = true;
      } else if (c != BOM && c != 0) {
        if (c == '\r') {
          cleaned.append('\n');
        } else if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
          cleaned.append('\uFFFD');
        } else {
          cleaned.appendCodePoint(c);
        }
        cleanedCount++;
      }
      index = next;
    }
    rawToCleaned[count] = cleanedCount;
    this.bom = !raw.isEmpty() && raw.charAt(0) == BOM;
    this.crlf = sawCrlf;
    int[] cleanedToPlain = new int[cleanedCount + 1];
    boolean mapped = normalise(cleaned.toString(), cleanedToPlain);
    this.exact = mapped;
    this.rawToPlain = new int[count + 1];
    for (int cp = 0; cp <= count; cp++) {
      rawToPlain[cp] = Math.min(cleanedToPlain[rawToCleaned[cp]], plain.length());
    }
  }

  /**
   * Maps the code points of the cleaned text to those of its NFC form, combining sequence by
   * combining sequence; false when the pieces do not give the plain text (then positions are kept
   * as they are, within bounds).
   */
  private boolean normalise(String cleaned, int[] cleanedToPlain) {
    if (Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)) {
      for (int i = 0; i < cleanedToPlain.length; i++) {
        cleanedToPlain[i] = i;
      }
      return cleaned.equals(plain.text());
    }
    StringBuilder normalized = new StringBuilder(cleaned.length());
    int cp = 0;
    int index = 0;
    while (index < cleaned.length()) {
      int start = index;
      int startCp = cp;
      index += Character.charCount(cleaned.codePointAt(index));
      cp++;
      while (index < cleaned.length() && continues(cleaned.codePointAt(index))) {
        index += Character.charCount(cleaned.codePointAt(index));
        cp++;
      }
      String piece = Normalizer.normalize(cleaned.substring(start, index), Normalizer.Form.NFC);
      int at = normalized.codePointCount(0, normalized.length());
      int length = piece.codePointCount(0, piece.length());
      for (int k = startCp; k < cp; k++) {
        cleanedToPlain[k] = at + Math.min(k - startCp, length);
      }
      normalized.append(piece);
    }
    cleanedToPlain[cp] = normalized.codePointCount(0, normalized.length());
    if (normalized.toString().equals(plain.text())) {
      return true;
    }
    for (int i = 0; i < cleanedToPlain.length; i++) {
      cleanedToPlain[i] = Math.min(i, plain.length());
    }
    return false;
  }

  /** True for a code point that NFC may compose with what comes before it. */
  private static boolean continues(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || (codePoint >= 0x1160 && codePoint <= 0x11FF);
  }

  PlainText plain() {
    return plain;
  }

  boolean hasBom() {
    return bom;
  }

  boolean hasCrlf() {
    return crlf;
  }

  /** False when the shipped text could not be mapped on the normalised one exactly. */
  boolean mappedExactly() {
    return exact;
  }

  /** The readings worth trying on this text (readings that cannot differ here are left out). */
  java.util.List<PositionReading> readings() {
    return PositionReading.candidates(bom, crlf);
  }

  /**
   * The code points of the plain text that positions counted under a reading fall on; -1 for a
   * position outside the text or inside a character (the middle of a surrogate pair or of a UTF-8
   * sequence).
   *
   * @param positions the positions, sorted ascending
   */
  int[] place(PositionReading reading, long[] positions) {
    int[] placed = new int[positions.length];
    Arrays.fill(placed, -1);
    int next = 0;
    while (next < positions.length && positions[next] < 0) {
      next++;
    }
    long unit = 0;
    int index = 0;
    int cp = 0;
    while (index < raw.length() && next < positions.length) {
      int c = raw.codePointAt(index);
      int after = index + Character.charCount(c);
      boolean counted =
          !(cp == 0 && c == BOM && !reading.bomCounted())
              && !(c == '\r'
                  && !reading.crlfAsTwo()
                  && after < raw.length()
                  && raw.charAt(after) == '\n');
      int units = counted ? reading.unit().units(c) : 0;
      while (next < positions.length && positions[next] < unit + Math.max(units, 1)) {
        if (positions[next] == unit) {
          placed[next] = rawToPlain[cp];
        }
        next++;
        if (units == 0) {
          break;
        }
      }
      unit += units;
      index = after;
      cp++;
    }
    while (next < positions.length && positions[next] == unit) {
      placed[next++] = plain.length();
    }
    return placed;
  }
}
