package org.fabrique.core.redaction;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fabrique.core.corpus.TranscriptParser;
import org.junit.jupiter.api.Test;

/**
 * Measures the assistant on the annotated corpus: recall (identifiers with a suggestion over them),
 * strict recall (with the right category) and precision (suggestions over an identifier). The
 * figures are printed and written in docs/confidentiality.md; the test fails when they fall.
 */
class IdentifierRecallTest {
  private final IdentifierDetector detector = IdentifierDetector.bundled();

  record Score(int identifiers, int found, int foundWithCategory, int suggestions, int right) {
    double recall() {
      return identifiers == 0 ? 1 : (double) found / identifiers;
    }

    double strictRecall() {
      return identifiers == 0 ? 1 : (double) foundWithCategory / identifiers;
    }

    double precision() {
      return suggestions == 0 ? 1 : (double) right / suggestions;
    }
  }

  static Score measure(IdentifierDetector detector, Map<IdentifierCategory, int[]> byCategory) {
    int identifiers = 0;
    int found = 0;
    int strict = 0;
    int suggestions = 0;
    int right = 0;
    for (AnnotatedCorpus.Document doc : AnnotatedCorpus.all()) {
      List<Suggestion> suggested =
          detector.detect(doc.text(), detector.speakers(TranscriptParser.parse(doc.text())));
      for (AnnotatedCorpus.Gold gold : doc.identifiers()) {
        identifiers++;
        int[] counts = byCategory.computeIfAbsent(gold.category(), c -> new int[2]);
        counts[0]++;
        boolean any =
            suggested.stream().anyMatch(s -> s.start() < gold.end() && gold.start() < s.end());
        if (any) {
          found++;
          counts[1]++;
        } else {
          System.out.println(
              "missed in "
                  + doc.name()
                  + ": "
                  + gold.category()
                  + " "
                  + doc.text().substring(gold.start(), gold.end()));
        }
        if (suggested.stream()
            .anyMatch(
                s ->
                    s.category() == gold.category()
                        && s.start() < gold.end()
                        && gold.start() < s.end())) {
          strict++;
        }
      }
      for (Suggestion s : suggested) {
        suggestions++;
        if (doc.identifiers().stream().anyMatch(g -> s.start() < g.end() && g.start() < s.end())) {
          right++;
        } else {
          System.out.println(
              "false in "
                  + doc.name()
                  + ": "
                  + s.category()
                  + " "
                  + s.reason().id()
                  + " "
                  + doc.text().substring(s.start(), s.end()));
        }
      }
    }
    return new Score(identifiers, found, strict, suggestions, right);
  }

  @Test
  void theAssistantFindsNineInTenIdentifiersOfTheCorpus() {
    Map<IdentifierCategory, int[]> byCategory = new EnumMap<>(IdentifierCategory.class);
    Score score = measure(detector, byCategory);
    System.out.printf(
        Locale.ROOT,
        "identifiers %d, recall %.3f, recall with the right category %.3f, precision %.3f (%d"
            + " suggestions)%n",
        score.identifiers(),
        score.recall(),
        score.strictRecall(),
        score.precision(),
        score.suggestions());
    byCategory.forEach(
        (c, counts) ->
            System.out.printf(Locale.ROOT, "  %s %d/%d%n", c.id(), counts[1], counts[0]));
    assertTrue(score.recall() >= 0.9, "recall " + score.recall());
    assertTrue(score.precision() >= 0.75, "precision " + score.precision());
  }
}
