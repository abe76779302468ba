package org.fabrique.core.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.fabrique.core.error.InvalidInputException;

/**
 * A regular expression a user typed (a search, a speaker pattern), compiled with the exact position
 * of its syntax errors and run within a time limit (a pattern that backtracks without end cannot
 * hold the server) and a depth limit (a pattern that recurses once per character cannot overflow
 * the stack): both are refusals with a message, never a crash.
 */
public final class UserRegex {
  private final Pattern pattern;
  private final String what;
  private final long deadline;

  private UserRegex(Pattern pattern, String what, long budgetNanos) {
    this.pattern = pattern;
    this.what = what;
    this.deadline = System.nanoTime() + budgetNanos;
  }

  /** The refusal of a pattern that goes too deep, for "regular expression" or another name. */
  public static String tooDeep(String what) {
    return "The "
        + what
        + " goes too deep on these texts: a repeated group with alternatives, such as (.|\\n)+ or"
        + " (a|aa)+, goes one level deeper for every character it matches. Write it with a"
        + " character class, such as [\\s\\S]+ or a+, or make it match less";
  }

  /**
   * The names of the named groups of a pattern ({@code (?<name>…)}), read from its text: escapes,
   * character classes and quoted parts ({@code \\Q…\\E}) are skipped.
   */
  public static java.util.Set<String> groupNames(String regex) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    int inClass = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          i = end < 0 ? regex.length() : end + 1;
        } else {
          i++;
        }
      } else if (inClass > 0) {
        inClass += c == '[' ? 1 : c == ']' ? -1 : 0;
      } else if (c == '[') {
        inClass = 1;
      } else if (regex.startsWith("(?<", i)
          && i + 3 < regex.length()
          && Character.isLetter(regex.charAt(i + 3))) {
        int close = regex.indexOf('>', i + 3);
        if (close > 0) {
          names.add(regex.substring(i + 3, close));
        }
      }
    }
    return names;
  }

  /** The compiled pattern. */
  public Pattern pattern() {
    return pattern;
  }

  /**
   * Compiles a pattern.
   *
   * @param what what the pattern is, for messages ("regular expression", "speaker pattern")
   * @param flags the flags of {@link Pattern#compile(String, int)}
   * @param budgetNanos how long each {@link #findAll} may run
   * @throws InvalidInputException saying where the pattern is malformed
   */
  public static UserRegex compile(String regex, String what, int flags, long budgetNanos) {
    if (regex == null || regex.isEmpty()) {
      throw new InvalidInputException("The " + what + " is empty");
    }
    try {
      return new UserRegex(
          DepthGuard.call(
              "The " + what + " nests too many groups; write it with fewer",
              () -> Pattern.compile(regex, flags)),
          what,
          budgetNanos);
    } catch (PatternSyntaxException e) {
      throw new InvalidInputException(
          "The "
              + what
              + " is malformed at character "
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
  private static int errorIndex(String regex, PatternSyntaxException e) {
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
   * What each non-empty match in a text gives, at most {@code max}, read from the matcher while it
   * stands on the match.
   *
   * @throws InvalidInputException when the pattern runs out of its time or of its depth
   */
  public <T> List<T> findAll(String text, int max, Function<Matcher, T> each) {
    return DepthGuard.call(
        tooDeep(what),
        () -> {
          List<T> found = new ArrayList<>();
          Matcher matcher = pattern.matcher(new Limited(text, this));
          while (found.size() < max && matcher.find()) {
            if (matcher.end() > matcher.start()) {
              found.add(each.apply(matcher));
            }
          }
          return found;
        });
  }

  private void checkTime() {
    if (System.nanoTime() > deadline) {
      throw new InvalidInputException(
          "The " + what + " takes too long on these texts; make it more specific");
    }
  }

  /** A text that checks the time limit as the matcher reads it. */
  private static final class Limited implements CharSequence {
    private final String text;
    private final UserRegex owner;
    private int reads;

    Limited(String text, UserRegex owner) {
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
