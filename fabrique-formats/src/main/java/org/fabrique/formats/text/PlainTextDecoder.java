package org.fabrique.formats.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;
import org.fabrique.core.error.InvalidInputException;

/**
 * Decodes a plain-text file (txt, md, csv…) exactly as written. The encoding comes from a
 * byte-order mark, else UTF-8 if every byte is valid UTF-8, else UTF-16 recognised by its zero
 * bytes, else the charset detector of Tika (ICU's statistics) for single-byte and East Asian
 * encodings, else Windows-1252 for short Western texts the detector cannot judge. Damaged UTF-8 and
 * bytes that no encoding explains cleanly are refused rather than replaced.
 */
final class PlainTextDecoder {
  /** A file with more control characters than this share of its characters is binary. */
  private static final double MAX_CONTROL_SHARE = 0.01;

  /** ICU's confidence (0–100) below which its guess is not trusted. */
  private static final int MIN_DETECTOR_CONFIDENCE = 10;

  /** Above this share of bytes beyond ASCII, text is not taken for Windows-1252 without proof. */
  private static final double MAX_NON_ASCII_SHARE = 0.3;

  private static final int SAMPLE_BYTES = 64 * 1024;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private PlainTextDecoder() {}

  /** The decoded text, without a byte-order mark. */
  static String decode(String fileName, byte[] bytes) {
    Optional<String> decoded = withByteOrderMark(fileName, bytes);
    if (decoded.isEmpty()) {
      decoded = asUtf16WithoutMark(bytes);
    }
    if (decoded.isEmpty()) {
      if (contains(bytes, (byte) 0)) {
        throw notText(fileName);
      }
      decoded = strictly(bytes, 0, StandardCharsets.UTF_8);
    }
    if (decoded.isEmpty()) {
      if (looksLikeDamagedUtf8(bytes)) {
        throw damagedUtf8(fileName);
      }
      Optional<Decoded> guessed =
          withDetectedCharset(bytes).or(() -> asMostlyAsciiWindows1252(bytes));
      if (guessed.isPresent() && isWestern(guessed.get().charset()) && hasLatinUtf8(bytes)) {
        // "Ã©" for "é": UTF-8 mixed into Latin-1 text, which would be decoded as such.
        throw damagedUtf8(fileName);
      }
      decoded = guessed.map(Decoded::text);
    }
    String text =
        decoded.orElseThrow(
            () ->
                new InvalidInputException(
                    fileName
                        + " could not be decoded: it is not UTF-8 and its encoding could not be"
                        + " recognised. Open it in a text editor, save it as UTF-8 and import it"
                        + " again."));
    if (looksBinary(text)) {
      throw notText(fileName);
    }
    return text;
  }

  private static InvalidInputException damagedUtf8(String fileName) {
    return new InvalidInputException(
        fileName
            + " is not valid UTF-8 text: some of its characters are damaged or written in"
            + " another encoding. Open it in a text editor, save it as UTF-8 and import it"
            + " again.");
  }

  private static InvalidInputException notText(String fileName) {
    return new InvalidInputException(
        fileName
            + " is not a text file: it contains binary data. Check that it is the right file.");
  }

  private static Optional<String> withByteOrderMark(String fileName, byte[] bytes) {
    Charset charset;
    int skip;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      skip = 3;
    } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      charset = Charset.forName("UTF-32LE");
      skip = 4;
    } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      charset = Charset.forName("UTF-32BE");
      skip = 4;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else {
      return Optional.empty();
    }
    Optional<String> text = strictly(bytes, skip, charset);
    if (text.isEmpty()) {
      throw new InvalidInputException(
          fileName
              + " starts with the mark of "
              + charset.name()
              + " text but is not valid "
              + charset.name()
              + "; it may be damaged. Open it in a text editor, save it as UTF-8 and import it"
              + " again.");
    }
    return text;
  }

  /**
   * UTF-16 without a byte-order mark: in text of Latin script every other byte is zero. Needs most
   * pairs to have exactly one zero byte, always on the same side.
   */
  private static Optional<String> asUtf16WithoutMark(byte[] bytes) {
    int length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
    if (length < 2 || bytes.length % 2 != 0) {
      return Optional.empty();
    }
    int zeroEven = 0;
    int zeroOdd = 0;
    for (int i = 0; i < length; i += 2) {
      if (bytes[i] == 0) {
        zeroEven++;
      }
      if (bytes[i + 1] == 0) {
        zeroOdd++;
      }
    }
    int pairs = length / 2;
    if (zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.05) {
      return strictly(bytes, 0, StandardCharsets.UTF_16LE);
    }
    if (zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.05) {
      return strictly(bytes, 0, StandardCharsets.UTF_16BE);
    }
    return Optional.empty();
  }

  private record Decoded(String text, Charset charset) {}

  private static Optional<Decoded> withDetectedCharset(byte[] bytes) {
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    CharsetMatch[] matches = detector.detectAll();
    if (matches == null) {
      return Optional.empty();
    }
    for (CharsetMatch match : matches) {
      if (match.getConfidence() < MIN_DETECTOR_CONFIDENCE) {
        break;
      }
      Optional<Charset> charset = charset(match.getName());
      if (charset.isEmpty() || isUnicode(charset.get())) {
        // Unicode encodings were tried above without a mark; a guess of them here is wrong.
        continue;
      }
      Optional<String> text = strictly(bytes, 0, charset.get());
      if (text.isPresent() && !looksBinary(text.get())) {
        return Optional.of(new Decoded(text.get(), charset.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * Short texts give the detector too little to go on ("Café" in Latin-1). Text that is mostly
   * ASCII with a few accented letters is then taken as Windows-1252, the superset of Latin-1 that
   * Western editors write, if it decodes cleanly.
   */
  private static Optional<Decoded> asMostlyAsciiWindows1252(byte[] bytes) {
    long high = 0;
    for (byte b : bytes) {
      if ((b & 0x80) != 0) {
        high++;
      }
    }
    if (high > bytes.length * MAX_NON_ASCII_SHARE) {
      return Optional.empty();
    }
    return strictly(bytes, 0, WINDOWS_1252)
        .filter(text -> !looksBinary(text))
        .map(text -> new Decoded(text, WINDOWS_1252));
  }

  /** Encodings in which the UTF-8 of an accented letter reads as "Ã" or "Â" and a symbol. */
  private static boolean isWestern(Charset charset) {
    return charset.equals(WINDOWS_1252)
        || charset.equals(StandardCharsets.ISO_8859_1)
        || charset.name().equals("ISO-8859-15");
  }

  /**
   * Whether the bytes hold the UTF-8 of a letter or symbol of the Latin-1 range (C2 or C3 then a
   * continuation byte): in Western text read as single bytes that is "Ã©", never written on
   * purpose.
   */
  private static boolean hasLatinUtf8(byte[] bytes) {
    for (int i = 0; i + 1 < bytes.length; i++) {
      int lead = bytes[i] & 0xFF;
      if ((lead == 0xC2 || lead == 0xC3) && (bytes[i + 1] & 0xC0) == 0x80) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Charset> charset(String name) {
    try {
      return Optional.of(Charset.forName(name));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  private static boolean isUnicode(Charset charset) {
    return charset.name().startsWith("UTF-");
  }

  private static Optional<String> strictly(byte[] bytes, int offset, Charset charset) {
    try {
      return Optional.of(
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the bytes look like UTF-8 that was damaged or mixed with another encoding: they hold at
   * least as many well-formed UTF-8 sequences of two bytes or more as stray bytes above ASCII. Text
   * in a single-byte or East Asian encoding forms such sequences only by accident, far less often
   * than it breaks them; decoding damaged UTF-8 as one of those would turn every accented letter
   * into two wrong ones.
   */
  static boolean looksLikeDamagedUtf8(byte[] bytes) {
    long sequences = 0;
    long strays = 0;
    int i = 0;
    while (i < bytes.length) {
      int lead = bytes[i] & 0xFF;
      int length = lead < 0x80 ? 1 : utf8SequenceLength(bytes, i);
      if (length > 1) {
        sequences++;
      } else if (lead >= 0x80) {
        strays++;
      }
      i += length;
    }
    return sequences > 0 && sequences >= strays;
  }

  /** The length of the well-formed UTF-8 sequence at {@code i}, or 1 if there is none. */
  private static int utf8SequenceLength(byte[] bytes, int i) {
    int lead = bytes[i] & 0xFF;
    int continuations;
    if (lead >= 0xC2 && lead <= 0xDF) {
      continuations = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      continuations = 2;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      continuations = 3;
    } else {
      return 1;
    }
    if (i + continuations < bytes.length && continuations(bytes, i + 1, continuations)) {
      return continuations + 1;
    }
    return 1;
  }

  private static boolean continuations(byte[] bytes, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksBinary(String text) {
    long controls = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return true;
      }
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        controls++;
      }
    }
    return controls > text.length() * MAX_CONTROL_SHARE;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] bytes, byte value) {
    for (byte b : bytes) {
      if (b == value) {
        return true;
      }
    }
    return false;
  }
}
