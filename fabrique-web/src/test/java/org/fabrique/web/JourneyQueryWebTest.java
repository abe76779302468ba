package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Actor categories on the forms, and journey queries through the API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyQueryWebTest {
  private final ObjectMapper json = Json.mapper();
  private TestApp web;
  private Inquiry inquiry;
  private Case genomics;
  private User user;

  @BeforeAll
  void start() {
    web = new TestApp();
    inquiry = web.fabrique.inquiries().create("Queries", "");
    user = web.fabrique.users().defaultUser();
    genomics =
        web.fabrique
            .inquiries()
            .createCase(inquiry.id(), user.id(), "Biobank", Domain.GENOMICS, "");
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private JsonNode read(HttpResponse<String> response, int status) throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    return json.readTree(response.body());
  }

  @Test
  void anActorAddedWithACategoryIsFoundByAQueryOnItsChoices() throws IOException {
    String page = web.get("/cases/" + genomics.id() + "/journey").body();
    assertTrue(page.contains("name=\"category\""), "the actor form offers a category");
    assertEquals(
        303,
        web.postForm(
                "/cases/" + genomics.id() + "/journey/actors",
                Map.of(
                    "pseudonym", "BIO-1",
                    "type", "person",
                    "category", "bioinformatician",
                    "institution", "Genome centre"))
            .statusCode());
    Actor actor = web.fabrique.journeys().list(inquiry.id(), Actor.class).get(0);
    assertEquals("bioinformatician", actor.category());
    assertEquals("Genome centre", actor.institution());
    Choice choice =
        web.fabrique
            .journeys()
            .create(
                user.id(),
                Choice.of(
                    ElementHeader.of(
                        web.fabrique.journeys().newId(), inquiry.id(), genomics.id(), "Consent?"),
                    Set.of(Dimension.REGULATION),
                    List.of()));
    web.fabrique
        .journeys()
        .update(
            user.id(),
            choice.decided(
                List.of(new ChoiceOption("broad", List.of())),
                0,
                "Broad consent covers it",
                "consensus",
                List.of(actor.id()),
                Optional.of(LocalDate.parse("2026-02-10"))));

    String base = "/api/inquiries/" + inquiry.id() + "/journey/query";
    JsonNode found =
        read(
            web.get(
                base
                    + "?kind=choice&domain=genomics&dimension=regulation"
                    + "&not-actor-category=lawyer,ethics-committee&role=decided"),
            200);
    assertEquals(1, found.get("count").asInt());
    JsonNode row = found.get("rows").get(0);
    assertEquals("Consent?", row.get("label").asText());
    assertEquals("Broad consent covers it", row.get("rationale").asText());
    assertEquals("bioinformatician", row.get("actors").get(0).get("category").asText());
    assertEquals("decided", row.get("actors").get(0).get("role").asText());
    assertEquals(0, read(web.get(base + "?actor-category=lawyer"), 200).get("count").asInt());

    JsonNode counts = read(web.get(base + "?kind=choice&count-by=domain"), 200);
    assertEquals("genomics", counts.get("columns").get(0).get("key").asText());
    assertEquals("all", counts.get("rows").get(0).get("key").asText());
    assertEquals(1, counts.get("rows").get(0).get("counts").get(0).asInt());

    HttpResponse<String> refused = web.get(base + "?kind=source&from=tomorrow");
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    assertEquals(2, json.readTree(refused.body()).get("errors").size());
  }

  @Test
  void queriesAreSavedByNameListedRunAndDeleted() throws IOException {
    String saved = "/api/inquiries/" + inquiry.id() + "/journey/queries";
    JsonNode created =
        read(
            web.json(
                "POST",
                saved,
                "{\"name\":\"Regulation\",\"parameters\":{\"dimension\":[\"regulation\"]}}"),
            201);
    assertEquals("dimension=regulation", created.get("query").asText());
    JsonNode listed = read(web.get(saved), 200);
    assertEquals("Regulation", listed.get(0).get("name").asText());
    read(web.get("/api/inquiries/" + inquiry.id() + "/journey/query?saved=Regulation"), 200);
    assertEquals(
        400,
        web.json("POST", saved, "{\"name\":\" \",\"parameters\":{}}").statusCode(),
        "a saved query needs a name");
    assertEquals(
        204, web.json("DELETE", saved + "/" + created.get("id").asLong(), "").statusCode());
    assertEquals(0, read(web.get(saved), 200).size());
    assertEquals(
        404,
        web.get("/api/inquiries/" + inquiry.id() + "/journey/query?saved=Regulation").statusCode());
  }

  @Test
  void theCodingQueryAndTheMatrixTakeAJourneyQueryAsAFilterOfTheirSegments() throws IOException {
    Inquiry own = web.fabrique.inquiries().create("Evidence filter", "");
    var source =
        TestSources.importText(
            web, own, "e.txt", "We chose to keep the year only. The weather was fine.\n");
    var code =
        web.fabrique
            .coding()
            .createCode(
                own.id(),
                user.id(),
                org.fabrique.core.coding.CodingService.NewCode.named("Decision"));
    web.fabrique.coding().code(user.id(), source.id(), 0, 31, code.id());
    web.fabrique.coding().code(user.id(), source.id(), 32, 53, code.id());
    var journeys = web.fabrique.journeys();
    Choice choice =
        journeys.create(
            user.id(),
            Choice.of(
                ElementHeader.of(journeys.newId(), own.id(), null, "Year only?"),
                Set.of(Dimension.NATURE),
                List.of()));
    journeys.addEvidence(
        user.id(),
        choice.id(),
        source.id(),
        Optional.of(new org.fabrique.core.journey.Span(3, 20)),
        "");
    journeys
        .queries()
        .save(
            user.id(),
            own.id(),
            "Choices",
            org.fabrique.core.journey.query.JourneyQuery.parse(Map.of("kind", List.of("choice"))));
    String base =
        "/api/inquiries/" + own.id().value() + "/analysis/query?op=only&a=" + code.id().value();

    assertEquals(2, read(web.get(base), 200).size());
    JsonNode evidence = read(web.get(base + "&journey-saved=Choices"), 200);
    assertEquals(1, evidence.size(), evidence.toString());
    assertEquals(1, read(web.get(base + "&journey.kind=choice"), 200).size());
    assertEquals(0, read(web.get(base + "&journey.kind=tension"), 200).size());
    read(web.get(base + "&journey-saved=Choices&journey.kind=choice"), 400);
    read(web.get(base + "&journey.colour=blue"), 400);
    read(web.get(base + "&journey-saved=Nothing"), 404);

    String matrix = "/api/inquiries/" + own.id().value() + "/analysis/matrix?cols=sources";
    assertTrue(read(web.get(matrix), 200).toString().contains("2"));
    JsonNode filtered = read(web.get(matrix + "&journey-saved=Choices"), 200);
    assertTrue(filtered.toString().contains("1"), filtered.toString());

    String index = web.get("/inquiries/" + own.id().value() + "/analysis").body();
    assertTrue(index.contains("name=\"journey-saved\""), "the forms offer the saved queries");
    assertTrue(index.contains(">Choices<"));
    String page =
        web.get(
                "/inquiries/"
                    + own.id().value()
                    + "/analysis/matrix?cols=sources&journey-saved=Choices")
            .body();
    assertTrue(page.contains("journey-saved=Choices"), "cells and exports keep the filter");
  }
}
