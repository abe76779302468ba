package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The journey graph draws each version of a dataset that has several as a node of its own, between
 * the run that generated it and the runs that read it, whole and focused, labelled in the reader's
 * language.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyGraphVersionsTest {
  private final ObjectMapper json = Json.mapper();
  private TestApp web;
  private Case theCase;
  private DataObject apples;
  private DataObject cider;
  private Intervention wash;
  private Intervention pickSeptember;
  private Intervention press;
  private Intervention pickOctober;
  private Intervention pie;

  @BeforeAll
  void start() {
    web = new TestApp();
    User user = web.fabrique.users().defaultUser();
    Inquiry inquiry = web.fabrique.inquiries().create("Orchard", "");
    theCase =
        web.fabrique.inquiries().createCase(inquiry.id(), user.id(), "Cider", Domain.OTHER, "");
    JourneyService journeys = web.fabrique.journeys();
    apples =
        journeys.create(
            user.id(),
            DataObject.of(
                ElementHeader.of(journeys.newId(), inquiry.id(), theCase.id(), "Crab apples"),
                DataObjectType.DATASET));
    cider =
        journeys.create(
            user.id(),
            DataObject.of(
                ElementHeader.of(journeys.newId(), inquiry.id(), theCase.id(), "Cider"),
                DataObjectType.DATASET));
    record Step(String label, List<DataObject> in, List<DataObject> out, String day) {}
    List<Intervention> made =
        java.util.stream.Stream.of(
                // read before any picking: the initial version
                new Step("Wash", List.of(apples), List.of(), "09-01"),
                new Step("Pick in September", List.of(), List.of(apples), "09-15"),
                new Step("Press", List.of(apples), List.of(cider), "09-20"),
                new Step("Pick in October", List.of(), List.of(apples), "10-15"),
                new Step("Bake a pie", List.of(apples), List.of(), "10-20"))
            .map(
                step -> {
                  Instant at = Instant.parse("2026-" + step.day() + "T10:00:00Z");
                  return journeys.create(
                      user.id(),
                      Intervention.of(
                              ElementHeader.of(
                                  journeys.newId(), inquiry.id(), theCase.id(), step.label()),
                              "cleaning",
                              step.in().stream().map(DataObject::id).toList(),
                              step.out().stream().map(DataObject::id).toList())
                          .withTimes(Optional.of(at), Optional.of(at)));
                })
            .toList();
    wash = made.get(0);
    pickSeptember = made.get(1);
    press = made.get(2);
    pickOctober = made.get(3);
    pie = made.get(4);
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private JsonNode graph(String query, String language) throws IOException {
    HttpResponse<String> response =
        web.json(
            "GET",
            "/api/cases/" + theCase.id() + "/journey" + query,
            null,
            "Accept-Language",
            language);
    assertEquals(200, response.statusCode(), response.body());
    return json.readTree(response.body());
  }

  /** The labels of the graph's nodes by id. */
  private static TreeMap<String, String> labels(JsonNode graph) {
    TreeMap<String, String> labels = new TreeMap<>();
    graph.get("nodes").forEach(n -> labels.put(n.get("id").asText(), n.get("label").asText()));
    return labels;
  }

  /** The graph's edges as "kind source→target". */
  private static Set<String> edges(JsonNode graph) {
    Set<String> edges = new TreeSet<>();
    graph
        .get("edges")
        .forEach(
            e ->
                edges.add(
                    e.get("kind").asText()
                        + " "
                        + e.get("source").asText()
                        + "→"
                        + e.get("target").asText()));
    return edges;
  }

  private String version(int number) {
    return apples.id() + "-v" + number;
  }

  @Test
  void theWholeGraphDrawsEachVersionBetweenTheRunThatMadeItAndTheRunsThatReadIt()
      throws IOException {
    JsonNode graph = graph("?whole=true", "en");
    TreeMap<String, String> labels = labels(graph);
    assertEquals("Crab apples · first known", labels.get(version(0)), labels.toString());
    assertEquals("Crab apples · v1", labels.get(version(1)));
    assertEquals("Crab apples · v2", labels.get(version(2)));
    assertEquals("Crab apples", labels.get(apples.id().toString()));
    assertFalse(labels.containsKey(cider.id() + "-v1"), "one version: no node of its own");
    assertEquals(7 + 3, labels.size(), labels.toString());
    assertEquals(
        new TreeSet<>(
            List.of(
                "input " + version(0) + "→" + wash.id(),
                "output " + pickSeptember.id() + "→" + version(1),
                "input " + version(1) + "→" + press.id(),
                "output " + press.id() + "→" + cider.id(),
                "output " + pickOctober.id() + "→" + version(2),
                "input " + version(2) + "→" + pie.id(),
                "version " + apples.id() + "→" + version(0),
                "version " + apples.id() + "→" + version(1),
                "version " + apples.id() + "→" + version(2))),
        edges(graph));
    for (JsonNode node : graph.get("nodes")) {
      if (node.get("id").asText().equals(version(2))) {
        assertEquals(apples.id().value(), node.get("element").asLong());
        assertEquals("v2", node.get("version").asText());
        assertEquals(2, node.get("number").asInt());
        assertEquals("data-object", node.get("kind").asText());
      } else if (node.get("id").asText().equals(press.id().toString())) {
        assertTrue(node.get("version").isNull());
        assertEquals(press.id().value(), node.get("element").asLong());
      }
    }
  }

  @Test
  void versionsAreLabelledInFrench() throws IOException {
    TreeMap<String, String> labels = labels(graph("?whole=true", "fr"));
    assertEquals("Crab apples · première connue", labels.get(version(0)));
    assertEquals("Crab apples · v2", labels.get(version(2)));
  }

  @Test
  void aFocusedViewDrawsTheVersionsItsRunsMadeOrRead() throws IOException {
    JsonNode graph = graph("?focus=" + pie.id() + "&depth=1", "en");
    assertEquals(
        Set.of("input " + version(2) + "→" + pie.id(), "version " + apples.id() + "→" + version(2)),
        edges(graph));
    assertEquals(
        Set.of(pie.id().toString(), apples.id().toString(), version(2)), labels(graph).keySet());
    JsonNode wider = graph("?focus=" + apples.id() + "&depth=1", "en");
    assertTrue(
        edges(wider).contains("output " + pickOctober.id() + "→" + version(2)),
        edges(wider).toString());
    assertTrue(
        edges(wider).contains("input " + version(1) + "→" + press.id()), edges(wider).toString());
  }
}
