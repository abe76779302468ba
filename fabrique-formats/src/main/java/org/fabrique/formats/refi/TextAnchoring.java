package org.fabrique.formats.refi;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;
import org.fabrique.core.corpus.PlainText;

/**
 * Places the selections of a REFI-QDA source on Fabrique's plain text of it. Positions should be
 * code points of the shipped plain text, but tools differ: some count in the text as they shipped
 * it (with CRLF line ends or a byte-order mark, which Fabrique's plain text drops), some count
 * UTF-16 units or UTF-8 bytes. Each reading is tried and checked against the selection's quote (its
 * name, when it has one); when none fits, the quote is searched in the text.
 */
final class TextAnchoring {
  /** How a selection was placed. */
  enum Method {
    CODE_POINTS("code points of the plain text"),
    SHIPPED_CODE_POINTS("code points of the text as shipped (CRLF line ends or a byte-order mark)"),
    UTF16("UTF-16 units"),
    UTF8_BYTES("UTF-8 bytes"),
    QUOTE("its quoted text, found in the plain text");

    private final String description;

    Method(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  /** A placed selection: {@code [start, end)} in code points of the plain text. */
  record Anchor(int start, int end, Method method, boolean quoteChecked) {}

  private final PlainText text;
  private final String raw;
  private final byte[] bytes;
  private final boolean shippedDiffers;
  private int[] shippedToPlain;

  /**
   * @param bytes the plain-text file as shipped (UTF-8)
   * @param raw those bytes decoded
   * @param text the normalised plain text Fabrique keeps
   */
  TextAnchoring(byte[] bytes, String raw, PlainText text) {
    this.bytes = bytes;
    this.raw = raw;
    this.text = text;
    this.shippedDiffers = !raw.equals(text.text());
  }

  Optional<Anchor> place(long start, long end, Optional<String> quote) {
    Optional<String> wanted = quote.map(TextAnchoring::comparable).filter(q -> !q.isEmpty());
    Method[] order =
        shippedDiffers
            ? new Method[] {
              Method.SHIPPED_CODE_POINTS, Method.CODE_POINTS, Method.UTF16, Method.UTF8_BYTES
            }
            : new Method[] {Method.CODE_POINTS, Method.UTF16, Method.UTF8_BYTES};
    Optional<Anchor> firstValid = Optional.empty();
    for (Method method : order) {
      Optional<int[]> span = span(method, start, end);
      if (span.isEmpty()) {
        continue;
      }
      int[] s = span.get();
      if (wanted.isEmpty()) {
        return Optional.of(new Anchor(s[0], s[1], method, false));
      }
      if (fits(text.substring(s[0], s[1]), wanted.get())) {
        return Optional.of(new Anchor(s[0], s[1], method, true));
      }
      if (firstValid.isEmpty()) {
        firstValid = Optional.of(new Anchor(s[0], s[1], method, false));
      }
    }
    if (quote.isPresent()) {
      Optional<Anchor> found = search(quote.get(), start);
      if (found.isPresent()) {
        return found;
      }
    }
    // the name was a label, not a quote: keep the positions as the standard reads them
    return firstValid;
  }

  private Optional<int[]> span(Method method, long start, long end) {
    if (start < 0 || end <= start || end > Integer.MAX_VALUE) {
      return Optional.empty();
    }
    int s = (int) start;
    int e = (int) end;
    return switch (method) {
      case CODE_POINTS -> valid(s, e);
      case SHIPPED_CODE_POINTS -> shipped(s, e);
      case UTF16 -> {
        if (e > raw.length()) {
          yield Optional.empty();
        }
        yield shipped(raw.codePointCount(0, s), raw.codePointCount(0, e));
      }
      case UTF8_BYTES -> {
        if (e > bytes.length || !boundary(s) || !boundary(e)) {
          yield Optional.empty();
        }
        String before = new String(bytes, 0, s, StandardCharsets.UTF_8);
        String inside = new String(bytes, s, e - s, StandardCharsets.UTF_8);
        int first = before.codePointCount(0, before.length());
        yield shipped(first, first + inside.codePointCount(0, inside.length()));
      }
      case QUOTE -> Optional.empty();
    };
  }

  private boolean boundary(int byteOffset) {
    return byteOffset == bytes.length || (bytes[byteOffset] & 0xC0) != 0x80;
  }

  private Optional<int[]> valid(int start, int end) {
    return start >= 0 && end <= text.length() && start < end
        ? Optional.of(new int[] {start, end})
        : Optional.empty();
  }

  /** Maps code points of the shipped text to the plain text (BOM, CR, NUL dropped). */
  private Optional<int[]> shipped(int start, int end) {
    int[] map = shippedMap();
    if (end >= map.length) {
      return Optional.empty();
    }
    return valid(map[start], map[end]);
  }

  private int[] shippedMap() {
    if (shippedToPlain == null) {
      int count = raw.codePointCount(0, raw.length());
      int[] map = new int[count + 1];
      int plain = 0;
      int index = 0;
      for (int cp = 0; cp < count; cp++) {
        int c = raw.codePointAt(index);
        map[cp] = plain;
        boolean dropped =
            (cp == 0 && c == 0xFEFF)
                || c == 0
                || c == 0xFEFF
                || (c == '\r' && index + 1 < raw.length() && raw.charAt(index + 1) == '\n');
        if (!dropped) {
          plain++;
        }
        index += Character.charCount(c);
      }
      map[count] = plain;
      shippedToPlain = map;
    }
    return shippedToPlain;
  }

  /** The occurrence of the quote nearest to where the selection said it was. */
  private Optional<Anchor> search(String quote, long near) {
    String needle =
        Normalizer.normalize(quote.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
    needle = stripEllipsis(needle);
    if (needle.isBlank()) {
      return Optional.empty();
    }
    String haystack = text.text();
    int best = -1;
    long bestDistance = Long.MAX_VALUE;
    for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      int cp = text.toCodePoint(at);
      long distance = Math.abs(cp - near);
      if (distance < bestDistance) {
        best = cp;
        bestDistance = distance;
      }
    }
    if (best < 0) {
      return Optional.empty();
    }
    int length = needle.codePointCount(0, needle.length());
    return Optional.of(new Anchor(best, best + length, Method.QUOTE, true));
  }

  private static boolean fits(String candidate, String wanted) {
    String found = comparable(candidate);
    return found.equals(wanted) || (wanted.length() >= 8 && found.startsWith(wanted));
  }

  /** A text as compared with a quote: NFC, whitespace runs as one space, no trailing ellipsis. */
  static String comparable(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
    return stripEllipsis(normalized.replaceAll("\\s+", " ").strip());
  }

  private static String stripEllipsis(String text) {
    String stripped = text;
    if (stripped.endsWith("…")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    } else if (stripped.endsWith("...")) {
      stripped = stripped.substring(0, stripped.length() - 3);
    }
    return stripped.strip().isEmpty() ? text : stripped;
  }
}
