package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.testing.RefiProjects;
import org.fabrique.web.i18n.Lang;
import org.fabrique.web.i18n.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the pages say when there is nothing to show yet, in French and English: an inquiry without
 * journeys or codes says what to do first and links to it; a source without text says so, and why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmptyPagesTest {
  private TestApp web;
  private Inquiry empty;

  @BeforeAll
  void start() {
    web = new TestApp();
    empty = web.fabrique.inquiries().create("Nothing yet", "");
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private String page(String path, String lang) {
    HttpResponse<String> response = web.get(path, "Accept-Language", lang);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return response.body();
  }

  @Test
  void anEmptyInquirysInterventionsSayWhereTheyAreRecorded() {
    String path = "/inquiries/" + empty.id() + "/interventions";
    String english = page(path, "en");
    assertTrue(english.contains("data-empty-interventions"), english);
    assertTrue(english.contains("No intervention recorded yet."), english);
    assertTrue(english.contains("Journeys belong to cases: create a case first."), english);
    assertFalse(english.contains("No intervention matches these filters."), english);
    assertFalse(english.contains("data-intervention-filters"), english);
    String french = page(path, "fr");
    assertTrue(french.contains("Aucune intervention enregistrée pour l’instant."), french);
  }

  @Test
  void anEmptyInquirysQuestionsSayWhatToRecordFirst() {
    String path = "/inquiries/" + empty.id() + "/journey/query";
    String english = page(path, "en");
    assertTrue(english.contains("data-empty-query"), english);
    assertTrue(english.contains("Nothing to ask questions of yet."), english);
    assertFalse(english.contains("No element passes these filters."), english);
    assertFalse(english.contains("data-journey-query"), english);
    String french = page(path, "fr");
    assertTrue(french.contains("Rien à interroger pour l’instant."), french);
  }

  @Test
  void anInquiryWithoutCodesHasNothingToAnalyseAndSaysWhereCodesAreMade() {
    String path = "/inquiries/" + empty.id() + "/analysis";
    String english = page(path, "en");
    assertTrue(english.contains("data-empty-analysis"), english);
    assertTrue(english.contains("No code yet to analyse."), english);
    assertTrue(english.contains("href=\"/inquiries/" + empty.id() + "/codebook\""), english);
    String french = page(path, "fr");
    assertTrue(french.contains("Aucun code à analyser pour l’instant."), french);
  }

  @Test
  void theAgreementFormExplainsItselfInsteadOfPointingToAFileUsersDoNotHave() {
    Inquiry coded = web.fabrique.inquiries().create("Coded", "");
    web.fabrique
        .coding()
        .createCode(
            coded.id(),
            web.fabrique.users().defaultUser().id(),
            CodingService.NewCode.named("Consent"));
    String path = "/inquiries/" + coded.id() + "/analysis";
    for (String lang : new String[] {"en", "fr"}) {
      String body = page(path, lang);
      assertFalse(body.contains("data-empty-analysis"), body);
      assertFalse(body.contains("docs/analysis.md"), body);
    }
    assertTrue(page(path, "en").contains("Krippendorff's alpha"));
    assertTrue(page(path, "fr").contains("l’alpha de Krippendorff"));
  }

  @Test
  void aSourceWithoutTextSaysSoAndWhyInsteadOfShowingABlankBox() throws InterruptedException {
    String project =
        """
        <Project xmlns="urn:QDA-XML:project:1.0" name="Sans texte">
          <Sources>
            <TextSource guid="50000000-0000-4000-8000-000000000001" name="Photo"
                plainTextPath="internal://50000000-0000-4000-8000-000000000001.txt"/>
          </Sources>
        </Project>
        """;
    byte[] qdpx = RefiProjects.qdpx(project, Map.of(RefiProjects.SOURCE, "\n"));
    String job =
        web.uploadAs("/exchange/projects", "file", Map.of("photo.qdpx", qdpx), Map.of())
            .headers()
            .firstValue("Location")
            .orElseThrow();
    Source source = null;
    for (int i = 0; i < 200 && source == null; i++) {
      source =
          web.fabrique.inquiries().list().stream()
              .filter(inquiry -> inquiry.name().equals("Sans texte"))
              .flatMap(inquiry -> web.fabrique.corpus().list(inquiry.id()).stream())
              .findFirst()
              .orElse(null);
      Thread.sleep(50);
    }
    assertTrue(source != null, "the project was imported: " + web.get(job).body());
    String english = page("/sources/" + source.id(), "en");
    assertTrue(english.contains("data-without-text"), english);
    assertTrue(english.contains("This source has no text."), english);
    assertTrue(english.contains("REFI-QDA"), english);
    assertFalse(english.contains("1 characters"), english);
    assertFalse(english.contains("id=\"doc\""), english);
    String french = page("/sources/" + source.id(), "fr");
    assertTrue(french.contains("Cette source n’a pas de texte."), french);
    assertTrue(french.contains("sans texte"), french);
    assertFalse(french.contains("1 caractères"), french);
  }

  @Test
  void aSourcesLengthFollowsItsNumberInBothLanguages() {
    Messages messages = Messages.load();
    assertEquals("1 character", messages.get(Lang.EN, "source.characters", 1));
    assertEquals("2 characters", messages.get(Lang.EN, "source.characters", 2));
    assertEquals("3,452 characters", messages.get(Lang.EN, "source.characters", 3452));
    assertEquals("1 caractère", messages.get(Lang.FR, "source.characters", 1));
    assertEquals("2 caractères", messages.get(Lang.FR, "source.characters", 2));
  }
}
