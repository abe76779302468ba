package org.fabrique.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.fabrique.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void positionsCountEmojiAsOneCharacter() {
    PlainText text = PlainText.of("a😀b😀c");
    assertEquals(5, text.length());
    assertEquals("😀", text.substring(1, 2));
    assertEquals("b", text.substring(2, 3));
    assertEquals(3, text.toUtf16(2));
    assertEquals(2, text.toCodePoint(3));
    assertEquals(7, text.toUtf16(5));
  }

  @Test
  void combiningCharactersAreSeparateCodePoints() {
    // "é" written as e + COMBINING ACUTE ACCENT stays two code points (the normaliser composes it).
    PlainText text = PlainText.of("cafe\u0301!");
    assertEquals(6, text.length());
    assertEquals("e\u0301", text.substring(3, 5));
  }

  @Test
  void anIndexInsideASurrogatePairFallsBackToItsCharacter() {
    PlainText text = PlainText.of("x😀y");
    assertEquals(1, text.toCodePoint(2));
  }

  @Test
  void conversionAgreesWithTheJdkOnRandomTexts() {
    long seed = Long.getLong("fabrique.seed", System.nanoTime());
    System.out.println(
        "PlainTextTest seed: " + seed + " (replay with -Dfabrique.seed=" + seed + ")");
    Random random = new Random(seed);
    int[] alphabet = {'a', 'é', 0x0301, 0x1F600, 0x1F9EC, '\n', ' ', 0x4E2D};
    for (int round = 0; round < 50; round++) {
      StringBuilder builder = new StringBuilder();
      int length = random.nextInt(200);
      for (int i = 0; i < length; i++) {
        builder.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
      }
      String string = builder.toString();
      PlainText text = PlainText.of(string);
      assertEquals(string.codePointCount(0, string.length()), text.length());
      for (int cp = 0; cp <= text.length(); cp++) {
        int utf16 = string.offsetByCodePoints(0, cp);
        assertEquals(utf16, text.toUtf16(cp), "seed " + seed);
        assertEquals(cp, text.toCodePoint(utf16), "seed " + seed);
      }
    }
  }

  @Test
  void emptyAndReversedSpansAreRefused() {
    PlainText text = PlainText.of("abc");
    assertThrows(InvalidInputException.class, () -> text.substring(2, 2));
    assertThrows(InvalidInputException.class, () -> text.substring(2, 1));
    assertThrows(InvalidInputException.class, () -> text.substring(0, 4));
    assertThrows(InvalidInputException.class, () -> text.toUtf16(-1));
  }
}
