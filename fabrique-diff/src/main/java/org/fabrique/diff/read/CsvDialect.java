package org.fabrique.diff.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The encoding, delimiter and header presence of a delimited text file, guessed from its first
 * bytes.
 *
 * @param bomLength bytes of byte-order mark to skip
 */
public record CsvDialect(Charset charset, int bomLength, char delimiter, boolean hasHeader) {

  private static final char[] CANDIDATES = {',', ';', '\t', '|'};
  private static final int LINES_EXAMINED = 50;

  /** Guesses the dialect from the first bytes of a file. */
  public static CsvDialect sniff(byte[] head, int length, boolean tabPreferred) {
    int bom = 0;
    Charset charset;
    if (length >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      charset = StandardCharsets.UTF_8;
      bom = 3;
    } else if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      bom = 2;
    } else if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      bom = 2;
    } else {
      charset = isUtf8(head, 0, length) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    }
    String text = new String(head, bom, length - bom, charset);
    List<String> lines = firstLines(text);
    char delimiter = chooseDelimiter(lines, tabPreferred);
    boolean header = lines.isEmpty() || looksLikeHeader(lines.get(0), delimiter);
    return new CsvDialect(charset, bom, delimiter, header);
  }

  /** Whether the bytes from {@code offset} to {@code length} are UTF-8 (a last character cut). */
  static boolean isUtf8(byte[] head, int offset, int length) {
    // Ignore up to 3 trailing bytes: the sample may end inside a multi-byte character.
    for (int cut = 0; cut <= Math.min(3, length - offset); cut++) {
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(head, offset, length - offset - cut));
        return true;
      } catch (CharacterCodingException malformed) {
        // try again without the last byte
      }
    }
    return false;
  }

  /** Splits into logical lines, keeping line breaks inside quotes. */
  private static List<String> firstLines(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    boolean quoted = false;
    for (int index = 0; index < text.length() && lines.size() < LINES_EXAMINED; index++) {
      char c = text.charAt(index);
      if (c == '"') {
        quoted = !quoted;
      }
      if ((c == '\n' || c == '\r') && !quoted) {
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
      } else {
        line.append(c);
      }
    }
    if (line.length() > 0 && lines.size() < LINES_EXAMINED && lines.size() < 2) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static int countOutsideQuotes(String line, char delimiter) {
    int count = 0;
    boolean quoted = false;
    for (int index = 0; index < line.length(); index++) {
      char c = line.charAt(index);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        count++;
      }
    }
    return count;
  }

  private static char chooseDelimiter(List<String> lines, boolean tabPreferred) {
    char best = tabPreferred ? '\t' : ',';
    double bestScore = 0;
    for (char candidate : CANDIDATES) {
      Map<Integer, Integer> frequencyOfCount = new HashMap<>();
      for (String line : lines) {
        frequencyOfCount.merge(countOutsideQuotes(line, candidate), 1, Integer::sum);
      }
      int modeCount = 0;
      int modeLines = 0;
      for (Map.Entry<Integer, Integer> entry : frequencyOfCount.entrySet()) {
        if (entry.getKey() > 0 && entry.getValue() > modeLines) {
          modeCount = entry.getKey();
          modeLines = entry.getValue();
        }
      }
      if (modeCount == 0) {
        continue;
      }
      double consistency = modeLines / (double) lines.size();
      double score =
          consistency * 100 + Math.min(modeCount, 50) + (candidate == '\t' && tabPreferred ? 5 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best;
  }

  /** A first line is taken for data when one of its cells is a number or a date. */
  private static boolean looksLikeHeader(String firstLine, char delimiter) {
    for (String cell :
        firstLine.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)) {
      String value = cell.strip();
      if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
        value = value.substring(1, value.length() - 1);
      }
      if (!value.isEmpty() && (ValueSyntax.isNumber(value) || ValueSyntax.isIsoDate(value))) {
        return false;
      }
    }
    return true;
  }

  public String delimiterName() {
    return switch (delimiter) {
      case '\t' -> "tab";
      case ',' -> "comma";
      case ';' -> "semicolon";
      case '|' -> "pipe";
      default -> String.valueOf(delimiter);
    };
  }
}
