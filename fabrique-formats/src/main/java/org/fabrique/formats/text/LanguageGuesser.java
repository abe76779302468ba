package org.fabrique.formats.text;

import java.util.Optional;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageConfidence;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Guesses the language of a text with the Optimaize n-gram detector as Tika wraps it. Says nothing
 * rather than guess on short texts or when the detector is unsure.
 */
final class LanguageGuesser {
  /** Below this many letters a guess is a coin toss between related languages. */
  static final int MIN_LETTERS = 40;

  /** The detector reads no further than this: a page or two is plenty to tell a language. */
  private static final int MAX_CHARACTERS = 5_000;

  Optional<String> guess(String text) {
    String sample = text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text;
    if (letters(sample) < MIN_LETTERS) {
      return Optional.empty();
    }
    // A new detector per call: instances buffer text, and the profiles they use are shared.
    LanguageResult result = new OptimaizeLangDetector(MAX_CHARACTERS).loadModels().detect(sample);
    if (result.isUnknown() || result.getConfidence() != LanguageConfidence.HIGH) {
      return Optional.empty();
    }
    // Names are ISO 639-1 codes, some with a region or script ("zh-CN"); a few languages the
    // detector knows have no two-letter code ("ast") and are left out.
    String language = result.getLanguage();
    int dash = language.indexOf('-');
    String code = dash < 0 ? language : language.substring(0, dash);
    return code.length() == 2 ? Optional.of(code) : Optional.empty();
  }

  private static int letters(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        count++;
      }
    }
    return count;
  }
}
