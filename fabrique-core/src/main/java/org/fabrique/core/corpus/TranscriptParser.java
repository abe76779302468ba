package org.fabrique.core.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the speaker turns of an interview transcript. A turn starts with:
 *
 * <ul>
 *   <li>a line that starts with a speaker label ({@code Name:}, {@code INT:}, {@code Dr Martin :}),
 *       optionally preceded or followed by a timestamp such as {@code [00:12:34]} or {@code
 *       (12:34)}: the turn's text follows on the same line;
 *   <li>a header line as video-call recorders and transcription services write them (Zoom, Otter,
 *       Teams): the speaker and a timestamp alone on their line ({@code BSR01 00:00}, {@code
 *       Speaker 1 0:03}, {@code [Anna Kovács] 10:01:02}), the turn's text on the lines below;
 *   <li>a line matched by a speaker pattern of the inquiry, whose group {@code speaker} names the
 *       speaker (and group {@code time}, if any, the timestamp), for any other layout.
 * </ul>
 *
 * A turn runs until the next turn starts.
 */
public final class TranscriptParser {
  private static final String STAMP = "\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?";
  private static final String TIMESTAMP = "[\\[(]\\s*(" + STAMP + ")\\s*[\\])]";
  private static final String NAME = "[\\p{L}][\\p{L}\\p{M}\\p{N} .'’\\-]{0,38}?";
  private static final Pattern TURN =
      Pattern.compile(
          "^[ \\t]*(?:"
              + TIMESTAMP
              + "[ \\t]*)?("
              + NAME
              + ")[ \\t]*(?:"
              + TIMESTAMP
              + "[ \\t]*)?:[ \\t]+(?=\\S)",
          Pattern.MULTILINE);
  private static final Pattern HEADER =
      Pattern.compile(
          "^[ \\t]*\\[?("
              + NAME
              + ")\\]?[ \\t]+[\\[(]?("
              + STAMP
              + ")[\\])]?[ \\t]*\\n[ \\t]*(?=\\S)",
          Pattern.MULTILINE);

  private TranscriptParser() {}

  /** Where a turn starts, who speaks and when, as a pattern found it. */
  private record Start(int at, String speaker, Optional<String> timestamp, boolean header) {}

  /**
   * The turns of a text, or an empty list when it does not look like a transcript (fewer than two
   * turns, or the speakers are too many to be speakers).
   */
  public static List<SpeakerTurn> parse(PlainText plainText) {
    String text = plainText.text();
    TreeMap<Integer, Start> starts = new TreeMap<>();
    Matcher turn = TURN.matcher(text);
    while (turn.find()) {
      String stamp = turn.group(1) != null ? turn.group(1) : turn.group(3);
      add(starts, turn.start(), turn.group(2), Optional.ofNullable(stamp), false);
    }
    Matcher header = HEADER.matcher(text);
    while (header.find()) {
      add(starts, header.start(), header.group(1), Optional.of(header.group(2)), true);
    }
    List<Start> found = new ArrayList<>(starts.values());
    if (found.stream().anyMatch(Start::header) && !someSpeakerSpeaksTwice(found)) {
      // a couple of lines ending with a time ("Start 10:30") are not a conversation
      found.removeIf(Start::header);
    }
    return turns(plainText, found);
  }

  /**
   * The turns a speaker pattern finds: each match starts a turn; its group {@code speaker} is the
   * speaker and its group {@code time}, when the pattern has one, the timestamp. The pattern is run
   * with a time and a depth limit by the caller's {@link LinePattern}.
   */
  public static List<SpeakerTurn> parse(PlainText plainText, LinePattern pattern) {
    List<Start> found = new ArrayList<>();
    for (LinePattern.Found match : pattern.findAll(plainText.text())) {
      found.add(new Start(match.start(), match.speaker().strip(), match.time(), false));
    }
    found.removeIf(s -> s.speaker().isEmpty());
    return turns(plainText, found);
  }

  private static void add(
      TreeMap<Integer, Start> starts,
      int at,
      String speaker,
      Optional<String> timestamp,
      boolean header) {
    String name = speaker.trim();
    if (name.split("\\s+").length > 4 || starts.containsKey(at)) {
      return;
    }
    starts.put(at, new Start(at, name, timestamp, header));
  }

  private static boolean someSpeakerSpeaksTwice(List<Start> starts) {
    Map<String, Integer> counts = new HashMap<>();
    for (Start start : starts) {
      if (counts.merge(start.speaker(), 1, Integer::sum) > 1) {
        return true;
      }
    }
    return false;
  }

  private static List<SpeakerTurn> turns(PlainText plainText, List<Start> starts) {
    String text = plainText.text();
    if (starts.size() < 2
        || starts.stream().map(Start::speaker).distinct().count()
            > Math.max(6, starts.size() / 3)) {
      return List.of();
    }
    List<SpeakerTurn> turns = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      int start = starts.get(i).at();
      int end = i + 1 < starts.size() ? starts.get(i + 1).at() : text.length();
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      int leading = start;
      while (leading < end && Character.isWhitespace(text.charAt(leading))) {
        leading++;
      }
      if (leading >= end) {
        continue;
      }
      turns.add(
          new SpeakerTurn(
              plainText.toCodePoint(leading),
              plainText.toCodePoint(end),
              starts.get(i).speaker(),
              starts.get(i).timestamp()));
    }
    return turns.size() < 2 ? List.of() : List.copyOf(turns);
  }
}
