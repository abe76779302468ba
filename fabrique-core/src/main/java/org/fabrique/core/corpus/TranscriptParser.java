package org.fabrique.core.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the speaker turns of an interview transcript: lines that start with a speaker label
 * ({@code Name:}, {@code INT:}, {@code Dr Martin :}), optionally preceded or followed by a
 * timestamp such as {@code [00:12:34]} or {@code (12:34)}. A turn runs until the next turn starts.
 */
public final class TranscriptParser {
  private static final String TIMESTAMP =
      "[\\[(]\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?)\\s*[\\])]";
  private static final Pattern TURN =
      Pattern.compile(
          "^[ \\t]*(?:"
              + TIMESTAMP
              + "[ \\t]*)?([\\p{L}][\\p{L}\\p{M}\\p{N} .'’\\-]{0,38}?)[ \\t]*(?:"
              + TIMESTAMP
              + "[ \\t]*)?:[ \\t]+(?=\\S)",
          Pattern.MULTILINE);

  private TranscriptParser() {}

  /**
   * The turns of a text, or an empty list when it does not look like a transcript (fewer than two
   * turns, or the speakers are too many to be speakers).
   */
  public static List<SpeakerTurn> parse(PlainText plainText) {
    String text = plainText.text();
    Matcher matcher = TURN.matcher(text);
    List<int[]> starts = new ArrayList<>();
    List<String> speakers = new ArrayList<>();
    List<Optional<String>> stamps = new ArrayList<>();
    while (matcher.find()) {
      String speaker = matcher.group(2).trim();
      if (speaker.split("\\s+").length > 4) {
        continue;
      }
      starts.add(new int[] {matcher.start()});
      speakers.add(speaker);
      String stamp = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
      stamps.add(Optional.ofNullable(stamp));
    }
    if (starts.size() < 2
        || speakers.stream().distinct().count() > Math.max(6, starts.size() / 3)) {
      return List.of();
    }
    List<SpeakerTurn> turns = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      int start = starts.get(i)[0];
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      int leading = start;
      while (leading < end && Character.isWhitespace(text.charAt(leading))) {
        leading++;
      }
      turns.add(
          new SpeakerTurn(
              plainText.toCodePoint(leading),
              plainText.toCodePoint(end),
              speakers.get(i),
              stamps.get(i)));
    }
    return List.copyOf(turns);
  }
}
