package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
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
      Object[] values = {"10", "11", "12", "13", "14", "15", "16", "17", "18", "19"};
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

  /**
   * Every sentence the services, the stores, the importers and the web write in place for a refusal
   * or a reported problem has its {@code problem.*} message, so that a French page never shows it
   * in English: the REFI-QDA exchange's data-loss reports and the backups and restores (whose
   * storage failures the command line shows) included. Left out: the storage failures of the
   * stores, which users see as one general message.
   */
  @Test
  void everySentenceTheModulesWriteForUsersIsKnownInFrench() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<ServiceSentences.Sentence> sentences = new ArrayList<>();
    for (String module :
        List.of(
            "fabrique-core/src/main/java",
            "fabrique-search/src/main/java",
            "fabrique-store/src/main/java",
            "fabrique-formats/src/main/java/org/fabrique/formats/text",
            "fabrique-formats/src/main/java/org/fabrique/formats/openlineage",
            "fabrique-formats/src/main/java/org/fabrique/formats/openrefine",
            "fabrique-web/src/main/java")) {
      ServiceSentences.under(root.resolve(module)).stream()
          .filter(s -> !s.call().contains("Storage") || s.where().contains("backup/"))
          .forEach(sentences::add);
    }
    for (String reports :
        List.of(
            "fabrique-formats/src/main/java/org/fabrique/formats/refi",
            "fabrique-app/src/main/java/org/fabrique/app/cli/BackupCommand.java",
            "fabrique-app/src/main/java/org/fabrique/app/cli/PassphrasePrompt.java",
            "fabrique-app/src/main/java/org/fabrique/app/cli/RestoreCommand.java")) {
      sentences.addAll(ServiceSentences.under(root.resolve(reports)));
    }
    assertTrue(sentences.size() > 450, "the sources were read: " + sentences.size());
    List<String> unknown = new ArrayList<>();
    for (ServiceSentences.Sentence sentence : sentences) {
      if (sentence.where().contains("JdbcStore")) {
        continue;
      }
      // An unreadable OpenLineage body is said in parts; its sentences are checked below.
      if (sentence.where().endsWith("EventBodyReader.java:187")) {
        continue;
      }
      if (texts.translate(Lang.FR, sentence.sample()).isEmpty()) {
        unknown.add(sentence.where() + " " + sentence.sample());
      }
    }
    for (String prefix : List.of("The body", "This line")) {
      for (String what :
          List.of("the text ends before its JSON value is complete", "it is not valid JSON")) {
        for (String place : List.of("", " at line 3, column 7")) {
          String sentence = prefix + " cannot be read: " + what + place;
          if (texts.translate(Lang.FR, sentence).isEmpty()) {
            unknown.add(sentence);
          }
        }
      }
    }
    assertEquals(List.of(), unknown);
  }

  @Test
  void aPlacementReportLineIsFrenchWithItsEvidenceAndItsListOfReadings() {
    assertEquals(
        "Les positions de la source TextSource 5 ont été vérifiées sur son texte : 1 sélection est"
            + " placée différemment selon les lectures : leurs citations correspondent dans 100 %"
            + " lus comme points de code, 0 % lus comme octets UTF-8",
        texts.inLanguage(
            Lang.FR,
            "The positions of the TextSource 5 were checked against its text: 1 selection(s) are"
                + " placed differently by the readings: their quotes match in 100% read as code"
                + " points, 0% read as UTF-8 bytes"));
  }

  @Test
  void aJourneyQueryRefusedForSeveralReasonsIsFrenchInEachOfThem() {
    assertEquals(
        "Filtre inconnu token ; les filtres sont : kind, case",
        texts.inLanguage(Lang.FR, "Unknown filter token: kind, case"));
    assertEquals(
        "Filtre inconnu token ; les filtres sont : kind ; since : demain n’est pas une date"
            + " (AAAA-MM-JJ)",
        texts.inLanguage(
            Lang.FR, "Unknown filter token: kind; since: demain is not a date (YYYY-MM-DD)"));
    assertEquals(
        "L’événement ne nomme pas de schemaURL ; lu comme OpenLineage 2-0-2 (events[0]) ; rien"
            + " n’a été importé",
        texts.inLanguage(
            Lang.FR,
            "The event names no schemaURL; read as OpenLineage 2-0-2 (events[0]); nothing was"
                + " imported"));
  }

  /**
   * What the diff says of the files it reads (a ragged row, bytes of another encoding, a column of
   * mixed types, headers without names) is shown on the compare page in the user's language.
   */
  @Test
  void theDiffsReadingProblemsAreToldInFrench(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    StringBuilder before = new StringBuilder("id,,weight,weight\n");
    StringBuilder after = new StringBuilder("id,,weight,weight\n");
    for (int row = 1; row <= 60; row++) {
      before.append(row).append(",x,").append(row % 7 == 0 ? "n/a" : row + ".5").append(",1\n");
      after.append(row).append(",x,").append(row).append(",1").append(row == 9 ? ",9" : "");
      after.append('\n');
    }
    Path old = java.nio.file.Files.writeString(dir.resolve("old.csv"), before);
    byte[] latin =
        after.toString().replace("x,", "é,").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] withMark = new byte[latin.length + 3];
    withMark[0] = (byte) 0xEF;
    withMark[1] = (byte) 0xBB;
    withMark[2] = (byte) 0xBF;
    System.arraycopy(latin, 0, withMark, 3, latin.length);
    Path changed = java.nio.file.Files.write(dir.resolve("new.csv"), withMark);
    var report =
        new org.fabrique.diff.DatasetDiff()
            .compare(old, changed, org.fabrique.diff.DiffOptions.withKey(List.of("id")));
    List<String> untranslated = new ArrayList<>();
    for (var problem : report.problems()) {
      if (texts.translate(Lang.FR, problem.message()).isEmpty()) {
        untranslated.add(problem.message());
      }
    }
    assertTrue(report.problems().size() >= 4, report.problems()::toString);
    assertEquals(List.of(), untranslated);
  }
}
