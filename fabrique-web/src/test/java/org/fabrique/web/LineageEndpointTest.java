package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.formats.openlineage.OpenLineageEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** POST /api/v1/lineage: leniency with warnings, strictness with pointers, framing and limits. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineageEndpointTest {
  private final ObjectMapper json = Json.mapper();
  private TestApp web;

  /** As the reference backend's tests send it: no schemaURL, a time without zone, on lines. */
  private static final String LENIENT =
      """
      {
        "eventType": "COMPLETE",
        "eventTime": "2021-03-14T09:45:12.123456",
        "run": {"runId": "0d6a6b6e-4b8e-4d27-9d1f-2d6f0c1d9e01"},
        "job": {"namespace": "orchard-scheduler", "name": "press_cider"},
        "inputs": [{"namespace": "s3://blob-source", "name": "harvest/apples"}],
        "outputs": [{"namespace": "orchard-db", "name": "harvest.public.cider"}],
        "producer": "https://github.com/OpenLineage/OpenLineage/blob/v1-0-0/client"
      }
      """;

  private static final String ONE_LINE =
      "{\"eventTime\":\"2025-01-01T00:00:00Z\",\"producer\":\"https://example.org/etl\","
          + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
          + "\"run\":{\"runId\":\"3f5e83fa-3480-44ff-99c5-ff943904e5e8\"},"
          + "\"job\":{\"namespace\":\"n\",\"name\":\"j\"}}";

  @BeforeAll
  void start() {
    web =
        new TestApp(config -> config.withLineageLimits(new OpenLineageEvents.Limits(64 * 1024, 3)));
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private long inquiry() {
    Inquiry inquiry = web.fabrique.inquiries().create("Orchard", "");
    return inquiry.id().value();
  }

  private HttpResponse<String> post(long inquiry, String contentType, String body) {
    return web.send(
        web.request("/api/v1/lineage?inquiry=" + inquiry)
            .header("Content-Type", contentType)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private JsonNode read(HttpResponse<String> response, int status) throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    return json.readTree(response.body());
  }

  @Test
  void anEventOfTheReferenceBackendIsImportedWithItsWarningsInTheResponse() throws IOException {
    long inquiry = inquiry();
    JsonNode out = read(post(inquiry, "application/json", LENIENT), 201);
    assertEquals(1, out.get("events").asInt());
    assertEquals(2, out.get("dataObjects").asInt());
    List<String> pointers = new ArrayList<>();
    out.get("warnings").forEach(w -> pointers.add(w.get("pointer").asText()));
    assertEquals(List.of("/schemaURL", "/eventTime"), pointers, out.toString());
    assertEquals("warning", out.get("warnings").get(0).get("severity").asText());
  }

  @Test
  void refusedEventsGetOneErrorEachWithAPointerAndNoParserNames() throws IOException {
    long inquiry = inquiry();
    String noProducer = ONE_LINE.replace("\"producer\":\"https://example.org/etl\",", "");
    JsonNode problem =
        read(post(inquiry, "application/json", "[" + ONE_LINE + "," + noProducer + "]"), 400);
    assertTrue(problem.get("detail").asText().contains("nothing was imported"), problem.toString());
    assertEquals(1, problem.get("errors").size(), problem.toString());
    JsonNode error = problem.get("errors").get(0);
    assertEquals("event 2", error.get("location").asText());
    assertEquals("/1/producer", error.get("pointer").asText());
    assertTrue(
        web.fabrique
            .journeys()
            .elements(new org.fabrique.core.inquiry.InquiryId(inquiry))
            .isEmpty());

    JsonNode garbage = read(post(inquiry, "application/json", "{\"eventTime\": tomorrow}"), 400);
    assertFalse(garbage.toString().contains("com.fasterxml"), garbage.toString());
    assertFalse(garbage.toString().contains("Exception"), garbage.toString());
    assertTrue(garbage.get("detail").asText().contains("line 1"), garbage.toString());
  }

  @Test
  void trailingGarbageIsRefusedAndNdjsonIsDecidedByTheContentTypeOrTheFirstValue()
      throws IOException {
    long inquiry = inquiry();
    read(post(inquiry, "application/json", LENIENT + "\n}"), 400);
    read(post(inquiry, "application/json", ONE_LINE + "\n" + ONE_LINE), 400);
    JsonNode ndjson = read(post(inquiry, "application/x-ndjson", ONE_LINE + "\n" + ONE_LINE), 201);
    assertEquals(2, ndjson.get("events").asInt());
    JsonNode sniffed = read(post(inquiry, "text/plain", ONE_LINE + "\n" + ONE_LINE + "\n"), 201);
    assertEquals(2, sniffed.get("events").asInt());
  }

  @Test
  void theConfiguredLimitsAreEnforced() throws IOException {
    long inquiry = inquiry();
    String four = String.join("\n", ONE_LINE, ONE_LINE, ONE_LINE, ONE_LINE);
    JsonNode many = read(post(inquiry, "application/x-ndjson", four), 400);
    assertTrue(many.get("detail").asText().contains("at most 3"), many.toString());
    String big = ONE_LINE + "\n" + " ".repeat(70 * 1024);
    assertEquals(413, post(inquiry, "application/x-ndjson", big).statusCode());
  }

  @Test
  void fabriqueFacetSchemasAreServedFromTheJarUnderTheirPublishedPath() throws IOException {
    for (String path :
        List.of(
            "/spec/facets/1-1-0/ChoicesFacet.json",
            "/spec/facets/1-1-0/TensionsFacet.json",
            "/spec/facets/1-1-0/GovernanceDatasetFacet.json",
            "/spec/facets/1-0-0/ChoicesJobFacet.json")) {
      HttpResponse<String> response = web.get(path);
      assertEquals(200, response.statusCode(), path);
      assertEquals(
          "https://w3id.org/fabrique" + path, json.readTree(response.body()).get("$id").asText());
    }
    assertEquals(404, web.get("/spec/facets/1-1-0/..%2F..%2FOpenLineage.json").statusCode());
    assertEquals(404, web.get("/spec/facets/1-1-0/NoSuchFacet.json").statusCode());
  }
}
