package org.fabrique.web;

import static org.fabrique.web.TestApp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Errors become an HTML page or an RFC 9457 problem, in one place, without technical detail. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsTest {
  private TestApp web;

  @BeforeAll
  void start() {
    web = new TestApp();
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private JsonNode problem(HttpResponse<String> response) throws Exception {
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
    return Json.mapper().readTree(response.body());
  }

  @Test
  void aMissingThingIsA404ProblemOnTheApi() throws Exception {
    HttpResponse<String> response = web.get("/api/inquiries/987654");
    assertEquals(404, response.statusCode());
    JsonNode problem = problem(response);
    assertEquals("urn:fabrique:problem:not-found", problem.get("type").asText());
    assertEquals("Not found", problem.get("title").asText());
    assertEquals(404, problem.get("status").asInt());
    assertEquals("There is no inquiry 987654", problem.get("detail").asText());
    assertEquals("/api/inquiries/987654", problem.get("instance").asText());
  }

  @Test
  void aMissingThingIsA404PageForBrowsers() {
    HttpResponse<String> response =
        web.get("/inquiries/987654", "Accept", "text/html", "Accept-Language", "en");
    assertEquals(404, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(response.body().contains("<h1>Not found</h1>"));
    assertTrue(response.body().contains("There is nothing at this address"));
  }

  @Test
  void clientsThatPreferJsonGetProblemsOutsideTheApiToo() throws Exception {
    HttpResponse<String> response = web.get("/inquiries/987654", "Accept", "application/json");
    assertEquals(404, problem(response).get("status").asInt());
  }

  @Test
  void unknownAddressesAndNonNumericIdsAre404() throws Exception {
    assertEquals(404, web.get("/no/such/page").statusCode());
    assertEquals(404, problem(web.get("/api/sources/abc")).get("status").asInt());
    assertEquals(404, problem(web.get("/api/nothing")).get("status").asInt());
  }

  @Test
  void invalidInputIs400WithTheReason() throws Exception {
    HttpResponse<String> response = web.json("POST", "/api/inquiries", "{\"name\":\"  \"}");
    assertEquals(400, response.statusCode());
    assertEquals("An inquiry needs a name", problem(response).get("detail").asText());
  }

  @Test
  void inputRefusedForSeveralReasonsListsEachWithItsLocation() throws Exception {
    long inquiry = web.fabrique.inquiries().create("Refusals", "").id().value();
    String noProducer =
        "{\"eventTime\":\"2025-01-01T00:00:00Z\",\"run\":{\"runId\":\"x\"},"
            + "\"job\":{\"namespace\":\"n\",\"name\":\"j\"}}";
    HttpResponse<String> response =
        web.json(
            "POST",
            "/api/v1/lineage?inquiry=" + inquiry,
            "[" + noProducer + "," + noProducer + "]");

    assertEquals(400, response.statusCode());
    JsonNode problem = problem(response);
    assertEquals("urn:fabrique:problem:invalid-input", problem.get("type").asText());
    assertEquals("4 errors in the events; nothing was imported", problem.get("detail").asText());
    JsonNode errors = problem.get("errors");
    assertTrue(errors.size() >= 2, errors.toString());
    java.util.Set<String> missingProducer = new java.util.TreeSet<>();
    for (JsonNode error : errors) {
      assertEquals("error", error.get("severity").asText());
      if (error.get("detail").asText().contains("producer")) {
        missingProducer.add(error.get("location").asText());
      }
    }
    assertEquals(java.util.Set.of("event 1", "event 2"), missingProducer, errors.toString());
  }

  @Test
  void inputRefusedForOneReasonHasNoListOfErrors() throws Exception {
    JsonNode problem = problem(web.json("POST", "/api/inquiries", "{\"name\":\"  \"}"));
    assertFalse(problem.has("errors"), problem.toString());
  }

  @Test
  void malformedJsonIs400WithoutEchoingIt() throws Exception {
    HttpResponse<String> response = web.json("POST", "/api/inquiries", "{\"name\": <secret>");
    assertEquals(400, response.statusCode());
    JsonNode problem = problem(response);
    assertFalse(response.body().contains("secret"));
    assertEquals(
        "The request body is not the JSON this operation expects", problem.get("detail").asText());
  }

  @Test
  void aConflictIs409() throws Exception {
    long inquiry = web.fabrique.inquiries().create("Conflicts", "").id().value();
    web.json(
        "POST",
        "/api/inquiries/" + inquiry + "/attributes",
        "{\"name\":\"Size\",\"type\":\"integer\",\"scope\":\"case\",\"description\":\"\"}");
    HttpResponse<String> again =
        web.json(
            "POST",
            "/api/inquiries/" + inquiry + "/attributes",
            "{\"name\":\"size\",\"type\":\"integer\",\"scope\":\"case\",\"description\":\"\"}");
    assertEquals(409, again.statusCode());
    assertEquals("urn:fabrique:problem:conflict", problem(again).get("type").asText());
  }

  @Test
  void aRequestFromAnotherSiteIsRefusedWith403() throws Exception {
    HttpResponse<String> forged =
        web.postForm("/inquiries", form("name", "Forged"), "Origin", "https://evil.example");
    assertEquals(403, forged.statusCode());
    HttpResponse<String> fetched =
        web.json("POST", "/api/inquiries", "{\"name\":\"Forged\"}", "Sec-Fetch-Site", "cross-site");
    assertEquals(403, problem(fetched).get("status").asInt());
    HttpResponse<String> referred =
        web.postForm("/inquiries", form("name", "Forged"), "Referer", "https://evil.example/page");
    assertEquals(403, referred.statusCode());
    assertTrue(
        web.fabrique.inquiries().list().stream().noneMatch(i -> i.name().equals("Forged")),
        "nothing was created");

    HttpResponse<String> same =
        web.postForm(
            "/inquiries",
            form("name", "Mine"),
            "Origin",
            web.base,
            "Sec-Fetch-Site",
            "same-origin");
    assertEquals(303, same.statusCode());
  }

  @Test
  void aWrongMethodIsRefused() {
    HttpResponse<String> response = web.json("PATCH", "/api/inquiries", "{}");
    assertTrue(
        response.statusCode() == 404 || response.statusCode() == 405, "" + response.statusCode());
  }

  @Test
  void responsesCarrySecurityHeaders() {
    HttpResponse<String> response = web.get("/");
    assertTrue(
        response
            .headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow()
            .contains("script-src 'self'"));
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
  }
}
