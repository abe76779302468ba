package org.fabrique.diff.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Numbers read without the parser's allocations are the very doubles the parser gives, bit for bit
 * (negative zero included), and a text that is no number is refused as the parser refuses it.
 */
class NumberReadingTest {
  @Test
  void plainNumbersReadAsTheParserReadsThem() {
    SplittableRandom random = new SplittableRandom(17);
    for (int draw = 0; draw < 300_000; draw++) {
      assertSame(text(random));
    }
    for (String edge :
        List.of(
            "0",
            "-0",
            "+0",
            "-0.0",
            "0.",
            ".5",
            "-.5",
            "007",
            "57.9",
            "0.1",
            "0.3",
            "999999999999999",
            "9999999999999999",
            "999999999999999999",
            "9007199254740993",
            "123456789012345678",
            "-123456789012345678",
            "1234567890123456789",
            "0.000000000000001",
            "99999999999999.9",
            "4.35",
            "1e5",
            "1.5e-3",
            " 42",
            "42 ",
            "1.5d",
            "Infinity",
            "NaN",
            "0x1p3",
            "12345678901234567890")) {
      assertSame(edge);
    }
  }

  @Test
  void aTextThatIsNoNumberIsRefusedAsByTheParser() {
    for (String text : List.of("", "-", "+", ".", "1.2.3", "abc", "--1", "1,5")) {
      assertThrows(NumberFormatException.class, () -> ValueSyntax.toDouble(text), text);
      char[] chars = ("x" + text + "y").toCharArray();
      assertThrows(
          NumberFormatException.class, () -> ValueSyntax.toDouble(chars, 1, text.length()), text);
    }
  }

  private static void assertSame(String text) {
    long expected = Double.doubleToRawLongBits(Double.parseDouble(text));
    assertEquals(expected, Double.doubleToRawLongBits(ValueSyntax.toDouble(text)), text);
    char[] chars = ("ab" + text + "c").toCharArray();
    assertEquals(
        expected, Double.doubleToRawLongBits(ValueSyntax.toDouble(chars, 2, text.length())), text);
  }

  /** A number of 1 to 20 digits, with or without a sign, a point and leading zeros. */
  private static String text(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    int sign = random.nextInt(4);
    if (sign == 0) {
      text.append('-');
    } else if (sign == 1) {
      text.append('+');
    }
    int digits = 1 + random.nextInt(20);
    int point = random.nextInt(3) == 0 ? -1 : random.nextInt(digits + 1);
    for (int digit = 0; digit < digits; digit++) {
      if (digit == point) {
        text.append('.');
      }
      text.append((char) ('0' + (random.nextInt(4) == 0 ? 0 : random.nextInt(10))));
    }
    if (point == digits) {
      text.append('.');
    }
    return text.toString();
  }
}
