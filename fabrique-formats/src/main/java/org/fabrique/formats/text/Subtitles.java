package org.fabrique.formats.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subtitles of video-call recordings (WebVTT {@code .vtt}, SubRip {@code .srt}) as a transcript:
 * each run of cues of one speaker becomes one line {@code [hh:mm:ss] Speaker: text}, which {@link
 * org.fabrique.core.corpus.TranscriptParser} reads as a turn with its timestamp. The speaker is
 * taken from a WebVTT voice tag ({@code <v Anna>}) or from a {@code Name:} at the start of the cue;
 * cues without a speaker keep their timestamp only. Other tags, cue settings, numbers, notes and
 * styles are dropped.
 */
final class Subtitles {
  private static final Pattern TIMING =
      Pattern.compile(
          "^\\s*((?:\\d{1,2}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*((?:\\d{1,2}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}).*$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]+)>");
  private static final Pattern LABEL =
      Pattern.compile(
          "^([\\p{L}][\\p{L}\\p{M}\\p{N} .'’\\-]{0,38}?)\\s*:\\s+(.+)$", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private Subtitles() {}

  /** True when a file name or a media type says subtitles. */
  static boolean named(String fileName, String mediaType) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".vtt")
        || name.endsWith(".srt")
        || mediaType.equals("text/vtt")
        || mediaType.equals("application/x-subrip");
  }

  /** One cue: when it starts, who speaks (when said), what is said. */
  private record Cue(String start, Optional<String> speaker, String text) {}

  /** The transcript of subtitles, or empty when the text holds no cue. */
  static Optional<String> transcript(String subtitles) {
    List<Cue> cues = cues(subtitles.replace("\r\n", "\n").replace('\r', '\n'));
    if (cues.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    Cue turn = null;
    StringBuilder said = new StringBuilder();
    for (Cue cue : cues) {
      if (turn != null && cue.speaker().equals(turn.speaker()) && cue.speaker().isPresent()) {
        said.append(' ').append(cue.text());
        continue;
      }
      if (turn != null) {
        line(out, turn, said);
      }
      turn = cue;
      said = new StringBuilder(cue.text());
    }
    line(out, turn, said);
    return Optional.of(out.toString());
  }

  private static void line(StringBuilder out, Cue turn, StringBuilder said) {
    out.append('[').append(turn.start()).append("] ");
    turn.speaker().ifPresent(s -> out.append(s).append(": "));
    out.append(said).append('\n');
  }

  private static List<Cue> cues(String text) {
    List<Cue> cues = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher timing = TIMING.matcher(lines[i]);
      if (!timing.matches()) {
        continue;
      }
      List<String> body = new ArrayList<>();
      int j = i + 1;
      while (j < lines.length && !lines[j].isBlank()) {
        body.add(lines[j].strip());
        j++;
      }
      i = j;
      String raw = String.join(" ", body);
      Optional<String> speaker = Optional.empty();
      Matcher voice = VOICE.matcher(raw);
      if (voice.find()) {
        speaker = Optional.of(entities(voice.group(1).strip()));
      }
      String words = entities(TAG.matcher(raw).replaceAll("")).replaceAll("\\s+", " ").strip();
      if (speaker.isEmpty()) {
        Matcher label = LABEL.matcher(words);
        if (label.matches() && label.group(1).strip().split("\\s+").length <= 4) {
          speaker = Optional.of(label.group(1).strip());
          words = label.group(2).strip();
        }
      }
      if (!words.isEmpty()) {
        cues.add(new Cue(clock(timing.group(1)), speaker, words));
      }
    }
    return cues;
  }

  /** A cue time as hh:mm:ss (hours added when the cue had none, milliseconds dropped). */
  private static String clock(String time) {
    String whole = time.split("[.,]")[0];
    String[] parts = whole.split(":");
    int hours = parts.length == 3 ? Integer.parseInt(parts[0]) : 0;
    int minutes = Integer.parseInt(parts[parts.length - 2]);
    int seconds = Integer.parseInt(parts[parts.length - 1]);
    return String.format(Locale.ROOT, "%02d:%02d:%02d", hours, minutes, seconds);
  }

  private static String entities(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&lrm;", "")
        .replace("&rlm;", "")
        .replace("&amp;", "&");
  }
}
