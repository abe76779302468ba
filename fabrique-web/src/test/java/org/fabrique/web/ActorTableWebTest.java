package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.fabrique.core.audit.AuditQuery;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The actors' table on the Journeys page and in the API: completed in a spreadsheet, read back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActorTableWebTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private TestApp web;

  @BeforeAll
  void start() {
    web = new TestApp();
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aTableUploadedOnTheJourneysPageSetsTheCategoriesOfTheCasesActors() {
    Inquiry inquiry = web.fabrique.inquiries().create("Acteurs", "");
    Case theCase =
        web.fabrique
            .inquiries()
            .createCase(
                inquiry.id(),
                web.fabrique.users().defaultUser().id(),
                "Cohorte",
                Domain.COHORT,
                "");
    String page =
        web.get("/inquiries/" + inquiry.id() + "/journeys", "Accept-Language", "fr").body();
    assertTrue(page.contains("Acteurs depuis un tableau"), page);
    assertTrue(page.contains("Aucun acteur pour l’instant."), page);

    HttpResponse<String> imported =
        web.uploadAs(
            "/inquiries/" + inquiry.id() + "/actors/import",
            "file",
            Map.of(
                "acteurs.csv",
                utf8(
                    "Pseudonyme;Catégorie;Institution;Nom réel\n"
                        + "Juriste-1;juriste ou service juridique;CHU;Paul Canari\n"
                        + "Ethique;comité d'éthique;CPP\n")),
            Map.of("case", theCase.id().toString()));
    assertEquals(303, imported.statusCode(), imported.body());
    assertTrue(
        imported.headers().firstValue("Location").orElseThrow().contains("notice=actors-imported"));

    List<Actor> actors = web.fabrique.journeys().list(inquiry.id(), Actor.class);
    assertEquals(2, actors.size());
    for (Actor actor : actors) {
      assertEquals(java.util.Optional.of(theCase.id()), actor.header().caseId());
    }
    assertTrue(actors.stream().anyMatch(a -> a.category().equals("lawyer")));
    assertTrue(actors.stream().anyMatch(a -> a.category().equals("ethics-committee")));
    assertTrue(
        web.get("/inquiries/" + inquiry.id() + "/journeys", "Accept-Language", "fr")
            .body()
            .contains("2 acteurs."));

    HttpResponse<String> csv = web.get("/inquiries/" + inquiry.id() + "/actors.csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    assertTrue(csv.body().contains("Juriste-1,person,lawyer,CHU"), csv.body());
    assertFalse(csv.body().contains("Canari"), "no real name leaves by the web");
    assertTrue(
        web.fabrique.audit().list(AuditQuery.recent(100)).stream()
            .anyMatch(e -> "actors csv".equals(e.target())),
        "the download is in the audit log");
  }

  @Test
  void theApiAnswersInCountsAndRefusesAWrongTableLineByLineInTheReadersLanguage() throws Exception {
    Inquiry inquiry = web.fabrique.inquiries().create("Acteurs API", "");
    String path = "/api/inquiries/" + inquiry.id() + "/actors/import";
    HttpResponse<String> refused =
        web.uploadAs(
            path,
            "file",
            Map.of("actors.csv", utf8("pseudonym,category\nA,astrologer\n")),
            Map.of(),
            "Accept-Language",
            "fr",
            "Accept",
            "application/json");
    assertEquals(400, refused.statusCode(), refused.body());
    JsonNode problem = JSON.readTree(refused.body());
    assertEquals(
        "Le tableau des acteurs n’a pas été importé : 1 ligne est à corriger",
        problem.get("detail").asText());
    JsonNode error = problem.get("errors").get(0);
    assertEquals("line 2, column category", error.get("location").asText());
    assertTrue(
        error.get("detail").asText().startsWith("Catégorie d’acteur inconnue « astrologer »"),
        error.toString());
    assertTrue(web.fabrique.journeys().list(inquiry.id(), Actor.class).isEmpty());

    HttpResponse<String> done =
        web.uploadAs(
            path,
            "file",
            Map.of("actors.csv", utf8("pseudonym,type,category\nA,software,software\n")),
            Map.of(),
            "Accept",
            "application/json");
    assertEquals(200, done.statusCode(), done.body());
    JsonNode counts = JSON.readTree(done.body());
    assertEquals(1, counts.get("created").asInt());
    assertEquals(0, counts.get("updated").asInt());
  }
}
