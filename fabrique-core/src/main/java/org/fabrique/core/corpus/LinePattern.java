package org.fabrique.core.corpus;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.pattern.UserRegex;

/**
 * An inquiry's speaker pattern: a regular expression run on each line of a transcript (every match
 * starts a turn), with a group {@code speaker} naming the speaker and, optionally, a group {@code
 * time} for the timestamp; for example {@code ^(?<speaker>[A-Z]{2,4}\d*) - (?<time>\d+:\d\d)}. It
 * runs within a time and a depth limit.
 */
public final class LinePattern {
  /** How long a pattern may run on one text. */
  static final long BUDGET_NANOS = 5_000_000_000L;

  /** Turns read at most in one text. */
  private static final int MAX_TURNS = 100_000;

  /** A match: where the turn starts in the text (UTF-16), who speaks and when. */
  public record Found(int start, String speaker, Optional<String> time) {}

  private final String regex;
  private final UserRegex compiled;

  private LinePattern(String regex, UserRegex compiled) {
    this.regex = regex;
    this.compiled = compiled;
  }

  /**
   * Compiles a speaker pattern.
   *
   * @throws InvalidInputException when it is malformed (saying at which character) or has no group
   *     {@code speaker}
   */
  public static LinePattern compile(String regex) {
    UserRegex compiled =
        UserRegex.compile(
            regex, "speaker pattern", Pattern.MULTILINE | Pattern.UNICODE_CASE, BUDGET_NANOS);
    if (!UserRegex.groupNames(regex).contains("speaker")) {
      throw new InvalidInputException(
          "The speaker pattern has no group named speaker: write the part that names the speaker"
              + " as (?<speaker>…), for example ^(?<speaker>[A-Z]{2,4}\\d*)\\s+\\d+:\\d\\d");
    }
    return new LinePattern(regex, compiled);
  }

  /** The pattern as written. */
  public String regex() {
    return regex;
  }

  /** The turns the pattern starts in a text. */
  public List<Found> findAll(String text) {
    boolean timed = UserRegex.groupNames(regex).contains("time");
    return compiled.findAll(
        text,
        MAX_TURNS,
        match ->
            new Found(
                match.start(),
                Optional.ofNullable(match.group("speaker")).orElse(""),
                timed ? Optional.ofNullable(match.group("time")) : Optional.empty()));
  }
}
