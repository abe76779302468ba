package org.fabrique.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

  static List<String> terms(Analyzer analyzer, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  @Test
  void frenchFoldsAccentsAndCaseSoThatUnaccentedQueriesFindAccentedWords() {
    Analyzer french = Analyzers.french();
    assertEquals(terms(french, "données"), terms(french, "donnees"), "données and donnees meet");
    assertEquals(terms(french, "DONNÉES"), terms(french, "données"));
    assertEquals(terms(french, "entrepôt"), terms(french, "entrepots"));
    assertEquals(terms(french, "Éthique"), terms(french, "éthiques"));
  }

  @Test
  void frenchStemsPluralsAndGenders() {
    Analyzer french = Analyzers.french();
    assertEquals(terms(french, "consentement"), terms(french, "consentements"));
    assertEquals(terms(french, "pseudonymisé"), terms(french, "pseudonymisées"));
  }

  @Test
  void frenchRemovesElisionsAndKeepsStopWords() {
    assertEquals(
        List.of("anonym", "de", "la", "base"),
        terms(Analyzers.french(), "l'anonymisation de la base"));
    assertEquals(List.of("elle"), terms(Analyzers.french(), "qu'elles"));
  }

  @Test
  void englishStemsAndFoldsAndDropsPossessives() {
    Analyzer english = Analyzers.english();
    assertEquals(terms(english, "registry"), terms(english, "registry's"));
    assertEquals(terms(english, "registries"), terms(english, "Registry"));
    assertEquals(terms(english, "consented"), terms(english, "consenting"));
    assertEquals(terms(english, "naïve"), terms(english, "naive"));
    assertEquals(List.of("the", "data"), terms(english, "The data"));
  }

  @Test
  void otherLanguagesAreFoldedButNotStemmed() {
    assertEquals(List.of("munchen", "daten"), terms(Analyzers.other(), "München Daten"));
  }

  @Test
  void theLanguageOfASourceChoosesItsField() {
    assertEquals(Analyzers.FRENCH_FIELD, Analyzers.fieldFor("fr"));
    assertEquals(Analyzers.FRENCH_FIELD, Analyzers.fieldFor("fr-CA"));
    assertEquals(Analyzers.ENGLISH_FIELD, Analyzers.fieldFor("EN"));
    assertEquals(Analyzers.OTHER_FIELD, Analyzers.fieldFor("und"));
    assertEquals(Analyzers.OTHER_FIELD, Analyzers.fieldFor(null));
  }
}
