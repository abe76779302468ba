package org.fabrique.diff.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which edits of a number are a rounding to the nearest, and to how many decimals. */
class RoundedDecimalsTest {
  @Test
  void aNumberWrittenWithFewerDecimalsIsRoundedToTheNearest() {
    assertEquals(0, GeneralisationRule.roundedDecimals("58.6", "59"));
    assertEquals(1, GeneralisationRule.roundedDecimals("58.64", "58.6"));
    assertEquals(0, GeneralisationRule.roundedDecimals("2.5", "2"), "half to even");
    assertEquals(0, GeneralisationRule.roundedDecimals("2.5", "3"), "half up");
    assertEquals(0, GeneralisationRule.roundedDecimals("-3.7", "-4"));
    // Only zeros lost: consistent with rounding, which the detector tells from the other edits.
    assertEquals(0, GeneralisationRule.roundedDecimals("72.0", "72"));
  }

  @Test
  void otherEditsAreNotRoundings() {
    assertEquals(-1, GeneralisationRule.roundedDecimals("58.6", "58.6"));
    assertEquals(-1, GeneralisationRule.roundedDecimals("58.6", "57"));
    assertEquals(-1, GeneralisationRule.roundedDecimals("58", "60"));
    assertEquals(-1, GeneralisationRule.roundedDecimals("1e5", "100000"));
    assertEquals(-1, GeneralisationRule.roundedDecimals("abc", "1"));
    assertEquals(-1, GeneralisationRule.roundedDecimals("1.5", ""));
  }
}
