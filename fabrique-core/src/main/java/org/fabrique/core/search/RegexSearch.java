package org.fabrique.core.search;

import java.util.List;
import java.util.regex.Pattern;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.pattern.UserRegex;

/** Regular-expression search over plain texts: case-insensitive, bounded in time and depth. */
final class RegexSearch {
  static final String TOO_DEEP = UserRegex.tooDeep("regular expression");

  private final UserRegex regex;

  private RegexSearch(UserRegex regex) {
    this.regex = regex;
  }

  /**
   * Compiles a pattern (case-insensitive, Unicode-aware).
   *
   * @throws org.fabrique.core.error.InvalidInputException saying where the pattern is malformed
   */
  static RegexSearch compile(String regex, long budgetNanos) {
    return new RegexSearch(
        UserRegex.compile(
            regex,
            "regular expression",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE,
            budgetNanos));
  }

  /** The matches in a text as spans in code points; empty matches are skipped. */
  List<int[]> find(PlainText text, int max) {
    return regex.findAll(
        text.text(),
        max,
        match -> new int[] {text.toCodePoint(match.start()), text.toCodePoint(match.end())});
  }
}
