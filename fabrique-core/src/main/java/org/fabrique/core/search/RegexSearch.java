package org.fabrique.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.error.InvalidInputException;

/**
 * Regular expressions over plain texts, bounded in time (a pattern that backtracks without end
 * cannot hold the server) and in depth (a pattern that recurses once per character cannot overflow
 * the stack): both are refusals with a message.
 */
final class RegexSearch {
  static final String TOO_DEEP =
      "The regular expression goes too deep on these texts: a repeated group with alternatives,"
          + " such as (.|\\n)+ or (a|aa)+, goes one level deeper for every character it matches."
          + " Write it with a character class, such as [\\s\\S]+ or a+, or make it match less";

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
          DepthGuard.call(
              "The regular expression nests too many groups; write it with fewer",
              () ->
                  Pattern.compile(
                      regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE)),
          budgetNanos);
    } catch (PatternSyntaxException e) {
      throw new InvalidInputException(
          "The regular expression is malformed at character "
              + (errorIndex(regex, e) + 1)
              + ": "
              + describe(regex, e),
          e);
    }
  }

  /**
   * Where the problem is, from 0. Java's index is the character it stopped at, which for an
   * unmatched ")" is one too early and for an unclosed group or class is the end of the pattern:
   * these are found by reading the pattern.
   */
  static int errorIndex(String regex, PatternSyntaxException e) {
    String description = e.getDescription();
    if (description.startsWith("Unmatched closing ')'")) {
      return Math.max(0, unmatched(regex, false));
    }
    if (description.startsWith("Unclosed group")) {
      return Math.max(0, unmatched(regex, true));
    }
    if (description.startsWith("Unclosed character class")) {
      return Math.max(0, openClass(regex));
    }
    if (regex.endsWith("\\") && e.getIndex() >= regex.length()) {
      return regex.length() - 1;
    }
    return Math.min(Math.max(e.getIndex(), 0), Math.max(0, regex.length() - 1));
  }

  private static String describe(String regex, PatternSyntaxException e) {
    if (regex.endsWith("\\") && e.getIndex() >= regex.length()) {
      return "the pattern ends with a \\ that escapes nothing";
    }
    return e.getDescription();
  }

  /**
   * The index of the first ")" that closes nothing (opening false), or of the last "(" that is
   * never closed (opening true); -1 when there is none. Escapes and character classes are skipped.
   */
  private static int unmatched(String regex, boolean opening) {
    java.util.Deque<Integer> open = new java.util.ArrayDeque<>();
    int inClass = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass > 0) {
        if (c == '[') {
          inClass++;
        } else if (c == ']') {
          inClass--;
        }
      } else if (c == '[') {
        inClass = 1;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++;
        }
      } else if (c == '(') {
        open.push(i);
      } else if (c == ')') {
        if (open.isEmpty()) {
          if (!opening) {
            return i;
          }
        } else {
          open.pop();
        }
      }
    }
    return opening && !open.isEmpty() ? open.peek() : -1;
  }

  /** The index of the "[" of a character class that is never closed, or -1. */
  private static int openClass(String regex) {
    int start = -1;
    int depth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        if (depth == 0) {
          start = i;
          if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
            i++;
          }
        }
        depth++;
      } else if (c == ']' && depth > 0) {
        depth--;
      }
    }
    return depth > 0 ? start : -1;
  }

  /**
   * The matches in a text as spans in code points; empty matches are skipped.
   *
   * @throws InvalidInputException when the pattern runs out of its time or of its depth
   */
  List<int[]> find(PlainText text, int max) {
    return DepthGuard.call(
        TOO_DEEP,
        () -> {
          List<int[]> found = new ArrayList<>();
          Matcher matcher = pattern.matcher(new Limited(text.text(), this));
          while (found.size() < max && matcher.find()) {
            if (matcher.end() > matcher.start()) {
              found.add(
                  new int[] {text.toCodePoint(matcher.start()), text.toCodePoint(matcher.end())});
            }
          }
          return found;
        });
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
