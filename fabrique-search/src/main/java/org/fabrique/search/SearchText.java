package org.fabrique.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fabrique.core.error.InvalidInputException;

/**
 * The text of a query before Lucene reads it. {@code speaker:Name} (or {@code speaker:"Two Words"})
 * keeps the search to that speaker's turns; any other {@code word:} is text, not a field name: its
 * colon is read as a space. Both are replaced by spaces of the same length, so that the positions
 * of the parser's errors are positions in what the user typed.
 *
 * @param lucene the text for the Lucene parser
 * @param speakers the speakers named, folded (see {@link #fold}); empty when none
 */
record SearchText(String lucene, List<String> speakers) {
  private static final String SPEAKER = "speaker";

  SearchText {
    speakers = List.copyOf(speakers);
  }

  static SearchText of(String query) {
    char[] text = query.toCharArray();
    List<String> speakers = new ArrayList<>();
    boolean quoted = false;
    for (int i = 0; i < text.length; i++) {
      char c = text[i];
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ':' && !quoted) {
        int wordStart = i;
        while (wordStart > 0 && Character.isLetterOrDigit(text[wordStart - 1])) {
          wordStart--;
        }
        boolean atBoundary = wordStart == 0 || " \t\n(+-".indexOf(text[wordStart - 1]) >= 0;
        String word = query.substring(wordStart, i);
        if (atBoundary && word.equalsIgnoreCase(SPEAKER)) {
          i = speaker(query, text, wordStart, i + 1, speakers) - 1;
        } else {
          text[i] = ' ';
        }
      }
    }
    return new SearchText(new String(text), speakers);
  }

  /** Reads the name after {@code speaker:}, blanks the clause and returns where it ends. */
  private static int speaker(
      String query, char[] text, int clauseStart, int valueStart, List<String> speakers) {
    int start = valueStart;
    while (start < text.length && Character.isWhitespace(text[start])) {
      start++;
    }
    int end;
    String name;
    if (start < text.length && text[start] == '"') {
      int close = query.indexOf('"', start + 1);
      if (close < 0) {
        throw new InvalidInputException(
            "The query is malformed at character "
                + (start + 1)
                + ": the speaker's name is opened with \" and never closed");
      }
      name = query.substring(start + 1, close);
      end = close + 1;
    } else {
      end = start;
      while (end < text.length && !Character.isWhitespace(text[end]) && text[end] != ')') {
        end++;
      }
      name = query.substring(start, end);
    }
    if (fold(name).isEmpty()) {
      throw new InvalidInputException(
          "The query is malformed at character "
              + (valueStart + 1)
              + ": speaker: needs a name, for example speaker:Interviewer or speaker:\"Dr Martin\"");
    }
    speakers.add(fold(name));
    for (int i = clauseStart; i < end; i++) {
      text[i] = ' ';
    }
    return end;
  }

  /** A speaker's name as compared: case, accents and runs of spaces aside. */
  static String fold(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
