package org.fabrique.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class RegexSearchTest {
  private static final long BUDGET = 5_000_000_000L;

  private static String refusal(String regex, String text) {
    return assertThrows(
            InvalidInputException.class,
            () -> RegexSearch.compile(regex, BUDGET).find(PlainText.of(text), 100_000))
        .getMessage();
  }

  @Test
  void aRepeatedGroupWithAlternativesOverALongTextIsRefusedNotAStackOverflow() {
    String text = "privacy ".repeat(250_000);
    assertEquals(RegexSearch.TOO_DEEP, refusal("(.|\\n)+", text));
    String as = "a".repeat(1_000_000) + "b";
    String message = refusal("(a|aa)+$", as);
    assertEquals(RegexSearch.TOO_DEEP, message);
  }

  @Test
  void theSamePatternOnAShortTextStillWorks() {
    List<int[]> found = RegexSearch.compile("(.|\\n)+", BUDGET).find(PlainText.of("ab\ncd"), 10);
    assertEquals(1, found.size());
    assertEquals(List.of(0, 5), List.of(found.get(0)[0], found.get(0)[1]));
  }

  @Test
  void aPatternThatBacktracksWithoutEndMeetsTheTimeLimit() {
    String text = "a".repeat(60) + " !";
    InvalidInputException slow =
        assertThrows(
            InvalidInputException.class,
            () -> RegexSearch.compile("(.*a){12}x", 200_000_000L).find(PlainText.of(text), 10));
    assertEquals(
        "The regular expression takes too long on these texts; make it more specific",
        slow.getMessage());
  }

  private static String malformed(String regex) {
    return assertThrows(InvalidInputException.class, () -> RegexSearch.compile(regex, BUDGET))
        .getMessage();
  }

  @Test
  void syntaxErrorsArePlacedOnTheCharacterAtFault() {
    assertEquals(
        "The regular expression is malformed at character 5: Unmatched closing ')'",
        malformed("data)"));
    assertEquals(
        "The regular expression is malformed at character 5: Unclosed group",
        malformed("data(sharing|reuse"));
    assertEquals(
        "The regular expression is malformed at character 3: Unclosed character class",
        malformed("ab[cd"));
    assertEquals(
        "The regular expression is malformed at character 1: Dangling meta character '*'",
        malformed("*data"));
    assertEquals(
        "The regular expression is malformed at character 6: Dangling meta character '*'",
        malformed("data**"));
    assertEquals(
        "The regular expression is malformed at character 5: the pattern ends with a \\ that"
            + " escapes nothing",
        malformed("data\\"));
    assertEquals(
        "The regular expression is malformed at character 7: Unmatched closing ')'",
        malformed("[)](a))"));
  }
}
