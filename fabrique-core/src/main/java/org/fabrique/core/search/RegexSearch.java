package org.fabrique.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.error.InvalidInputException;

/**
 * Regular expressions over plain texts, with a time limit so that a pattern that backtracks without
 * end cannot hold the server.
 */
final class RegexSearch {
  private final Pattern pattern;
  private final long deadline;

  private RegexSearch(Pattern pattern, long budgetNanos) {
    this.pattern = pattern;
    this.deadline = System.nanoTime() + budgetNanos;
  }

  /**
   * Compiles a pattern (case-insensitive, Unicode-aware).
   *
   * @throws InvalidInputException saying where the pattern is malformed
   */
  static RegexSearch compile(String regex, long budgetNanos) {
    if (regex == null || regex.isEmpty()) {
      throw new InvalidInputException("The regular expression is empty");
    }
    try {
      return new RegexSearch(
          Pattern.compile(
              regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE),
          budgetNanos);
    } catch (PatternSyntaxException e) {
      throw new InvalidInputException(
          "The regular expression is malformed at character "
              + (Math.max(e.getIndex(), 0) + 1)
              + ": "
              + e.getDescription(),
          e);
    }
  }

  /** The matches in a text as spans in code points; empty matches are skipped. */
  List<int[]> find(PlainText text, int max) {
    List<int[]> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(new Limited(text.text(), this));
    while (found.size() < max && matcher.find()) {
      if (matcher.end() > matcher.start()) {
        found.add(new int[] {text.toCodePoint(matcher.start()), text.toCodePoint(matcher.end())});
      }
    }
    return found;
  }

  void checkTime() {
    if (System.nanoTime() > deadline) {
      throw new InvalidInputException(
          "The regular expression takes too long on these texts; make it more specific");
    }
  }

  /** A text that checks the time limit as the matcher reads it. */
  private static final class Limited implements CharSequence {
    private final String text;
    private final RegexSearch owner;
    private int reads;

    Limited(String text, RegexSearch owner) {
      this.text = text;
      this.owner = owner;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0xffff) == 0) {
        owner.checkTime();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
