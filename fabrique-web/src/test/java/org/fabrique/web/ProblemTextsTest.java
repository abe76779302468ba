package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabrique.web.i18n.Lang;
import org.fabrique.web.i18n.Messages;
import org.fabrique.web.i18n.ProblemTexts;
import org.junit.jupiter.api.Test;

/** Refusals reach French users in French: API problems and the messages the pages show. */
class ProblemTextsTest {
  private final Messages messages = Messages.load();
  private final ProblemTexts texts = new ProblemTexts(messages);

  @Test
  void aKnownEnglishSentenceIsWrittenAgainInFrenchWithItsValues() {
    assertEquals(
        Optional.of("Il n’y a pas de code 21"), texts.translate(Lang.FR, "There is no code 21"));
    assertEquals(
        Optional.of("Il n’y a pas de cas 5 dans l’enquête 3"),
        texts.translate(Lang.FR, "There is no case 5 in inquiry 3"));
    assertEquals(
        "Il n’y a pas de codeur d’identifiant ana",
        texts.inLanguage(Lang.FR, "There is no coder with login ana"));
    assertEquals("There is no code 21", texts.inLanguage(Lang.EN, "There is no code 21"));
    assertEquals(Optional.empty(), texts.translate(Lang.FR, "Something nobody wrote"));
  }

  @Test
  void everyProblemMessageFindsItselfBackInBothLanguages() {
    List<String> failures = new ArrayList<>();
    for (String key : messages.keys(Lang.EN)) {
      if (!key.startsWith("problem.")) {
        continue;
      }
      Object[] values = {"V0", "V1", "V2"};
      String english = messages.get(Lang.EN, key, values);
      Optional<String> french = texts.translate(Lang.FR, english);
      if (!french.equals(Optional.of(messages.get(Lang.FR, key, values)))) {
        failures.add(key + " → " + french);
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void theApiAnswersInTheLanguageOfTheRequest() throws Exception {
    try (TestApp web = new TestApp()) {
      JsonNode problem =
          new ObjectMapper()
              .readTree(
                  web.get(
                          "/api/codes/987654",
                          "Accept",
                          "application/json",
                          "Accept-Language",
                          "fr")
                      .body());
      assertEquals("Introuvable", problem.get("title").asText());
      assertEquals("Il n’y a pas de code 987654", problem.get("detail").asText());
      JsonNode english =
          new ObjectMapper()
              .readTree(
                  web.get(
                          "/api/codes/987654",
                          "Accept",
                          "application/json",
                          "Accept-Language",
                          "en")
                      .body());
      assertEquals("Not found", english.get("title").asText());
      assertTrue(english.get("detail").asText().startsWith("There is no code"));
    }
  }
}
