package org.fabrique.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void stripsTheByteOrderMarkAndNormalisesLineEndings() {
    assertEquals("one\ntwo\nthree\n", TextNormalizer.normalize("\uFEFFone\r\ntwo\rthree\n"));
  }

  @Test
  void composesToNfc() {
    assertEquals("caf\u00e9", TextNormalizer.normalize("cafe\u0301"));
  }

  @Test
  void dropsNulCharactersAndReplacesUnpairedSurrogates() {
    assertEquals("a\uFFFDb\uFFFDc", TextNormalizer.normalize("a\uD800b\u0000\uDC00c"));
  }

  @Test
  void keepsEmojiIntact() {
    assertEquals("ok 😀", TextNormalizer.normalize("ok 😀"));
  }
}
