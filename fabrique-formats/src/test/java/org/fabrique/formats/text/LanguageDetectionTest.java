package org.fabrique.formats.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageDetectionTest {
  private static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor();

  @Test
  void recognisesAFrenchParagraph() {
    String text =
        "Les données de l'entrepôt hospitalier ont été extraites après l'avis du comité"
            + " scientifique. L'équipe a choisi de supprimer les dates de naissance et de ne garder"
            + " que l'année, afin de limiter le risque de réidentification des patients.";
    assertEquals(Optional.of("fr"), EXTRACTOR.detectLanguage(text));
  }

  @Test
  void recognisesAnEnglishParagraph() {
    String text =
        "The data from the hospital warehouse were extracted after the scientific committee gave"
            + " its opinion. The team chose to remove dates of birth and to keep only the year, in"
            + " order to limit the risk that patients could be identified again.";
    assertEquals(Optional.of("en"), EXTRACTOR.detectLanguage(text));
  }

  @Test
  void saysNothingAboutATextTooShortToTell() {
    assertEquals(Optional.empty(), EXTRACTOR.detectLanguage("Merci, à demain."));
  }

  @Test
  void saysNothingAboutATextWithoutWords() {
    assertEquals(Optional.empty(), EXTRACTOR.detectLanguage("12:30 — 14:45 / 2024-03-01 ; 42 %"));
  }
}
