package org.fabrique.formats.openlineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyFixture;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.RedactionProfile;
import org.fabrique.formats.prov.ProvExporterTestAccess;
import org.fabrique.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real producers' events (the shapes of the reference backend's tests and of Spark listeners) go
 * in, out, in and out again: the two exports are the same events, and the first says what came in.
 */
class OpenLineageRoundTripTest {
  private static final List<String> CORPUS =
      List.of(
          "example_full_event.json",
          "producers/marquez-no-schema-url.json",
          "producers/marquez-no-time-zone.json",
          "producers/marquez-uri-namespaces.json",
          "producers/marquez-dataset-event.json",
          "producers/marquez-job-event.json",
          "producers/spark-listener-start.json",
          "producers/spark-listener-complete.json");

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

  private final OpenLineageExporter exporter = new OpenLineageExporter(CLOCK);

  private static List<JsonNode> corpus() {
    List<JsonNode> events = new ArrayList<>();
    for (String name : CORPUS) {
      OpenLineageEvents.Parsed parsed =
          OpenLineageEvents.read(OpenLineageEventsTest.resource(name));
      assertTrue(parsed.valid(), name + ": " + parsed.problems());
      events.addAll(parsed.events());
    }
    return events;
  }

  private List<ObjectNode> importAndExport(Path folder, List<? extends JsonNode> events) {
    try (JdbcStore store = JdbcStore.openSqlite(folder)) {
      JourneyFixture f = new JourneyFixture(store);
      new OpenLineageImporter(f.journeys)
          .importEvents(f.inquiry, Optional.empty(), f.user, List.copyOf(events));
      JourneySnapshot snapshot =
          new JourneySnapshot(
              f.inquiry, List.of(), f.journeys.elements(f.inquiry), List.of(), List.of(), Map.of());
      return exporter.events(snapshot, RedactionProfile.DEFAULT);
    }
  }

  private static List<JsonNode> sorted(List<? extends JsonNode> events) {
    List<JsonNode> copy = new ArrayList<>(events);
    copy.sort(Comparator.comparing(JsonNode::toString));
    return copy;
  }

  @Test
  void everyEventOfTheCorpusSurvivesInOutInOut(@TempDir Path folder) {
    List<JsonNode> in = corpus();
    List<ObjectNode> first = importAndExport(folder.resolve("a"), in);
    for (ObjectNode event : first) {
      OpenLineageEvents.requireValid(event);
    }
    List<ObjectNode> second = importAndExport(folder.resolve("b"), first);
    // JsonNode equality ignores the order of keys, not of arrays: modulo key order.
    assertEquals(sorted(first).size(), sorted(second).size());
    assertEquals(sorted(first), sorted(second));
  }

  @Test
  void eachEventComesOutWithItsTypeTimeNamesAndFacetsAsReceived(@TempDir Path folder) {
    List<JsonNode> in = corpus();
    List<ObjectNode> out = importAndExport(folder, in);
    assertEquals(in.size(), out.size(), out.toString());
    for (JsonNode received : in) {
      JsonNode written =
          out.stream()
              .filter(e -> e.path("eventTime").equals(received.path("eventTime")))
              .filter(e -> e.path("eventType").equals(received.path("eventType")))
              .filter(e -> e.path("run").path("runId").equals(received.path("run").path("runId")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("not written back: " + received));
      assertEquals(received.path("producer"), written.path("producer"));
      assertEquals(received.path("dataset"), written.path("dataset"));
      assertEquals(received.has("eventType"), written.has("eventType"));
      for (String part : List.of("run", "job", "dataset")) {
        JsonNode facets = received.path(part).path("facets");
        facets
            .properties()
            .forEach(
                facet ->
                    assertKept(
                        facet.getValue(), written.path(part).path("facets").path(facet.getKey())));
        assertEquals(received.path(part).path("namespace"), written.path(part).path("namespace"));
        assertEquals(received.path(part).path("name"), written.path(part).path("name"));
      }
      for (String list : List.of("inputs", "outputs")) {
        assertEquals(received.path(list).size(), written.path(list).size(), list);
        for (int i = 0; i < received.path(list).size(); i++) {
          JsonNode a = received.path(list).get(i);
          JsonNode b = written.path(list).get(i);
          assertEquals(a.path("namespace"), b.path("namespace"));
          assertEquals(a.path("name"), b.path("name"));
          for (String kind : List.of("facets", "inputFacets", "outputFacets")) {
            a.path(kind)
                .properties()
                .forEach(facet -> assertKept(facet.getValue(), b.path(kind).path(facet.getKey())));
          }
        }
      }
    }
    String text = out.toString();
    assertTrue(text.contains("\"namespace\":\"s3://blob-source\""), text);
    assertFalse(text.contains("1970-01-01"), text);
    assertTrue(text.contains("\"eventType\":\"START\""), text);
  }

  @Test
  void elementsMadeInFabriqueAreNamedByTheirLabelsAndCarryFabriqueFacetsThatSurviveTheRoundTrip(
      @TempDir Path folder) {
    JourneySnapshot sample = ProvExporterTestAccess.sample();
    List<ObjectNode> first = exporter.events(sample, RedactionProfile.DEFAULT);
    String text = first.toString();
    assertFalse(text.matches("(?s).*\"name\":\"(intervention|data-object)-\\d+\".*"), text);
    for (ObjectNode event : first) {
      OpenLineageEvents.requireValid(event);
      assertFalse(event.path("eventTime").asText().startsWith("1970"), event.toString());
    }
    Intervention made =
        sample.elements().stream()
            .filter(Intervention.class::isInstance)
            .map(Intervention.class::cast)
            .findFirst()
            .orElseThrow();
    assertTrue(
        first.stream().anyMatch(e -> e.path("job").path("name").asText().equals(made.label())),
        text);
    List<ObjectNode> second = importAndExport(folder, first);
    assertEquals(sorted(first), sorted(second));
    assertTrue(
        second.stream().anyMatch(e -> e.at("/job/facets/fabrique_choices").isObject()), text);
  }

  @Test
  void aRunWithoutTimesIsAJobEventAtTheExportAndStartOnlyIsNotComplete(@TempDir Path folder) {
    try (JdbcStore store = JdbcStore.openSqlite(folder)) {
      JourneyFixture f = new JourneyFixture(store);
      DataObject raw = f.dataset("Raw extract");
      DataObject clean = f.dataset("Clean extract");
      Intervention undated = f.intervention("Cleaning", "harmonisation", raw, clean);
      Intervention started =
          f.journeys.update(
              f.user,
              f.intervention("Linking", "linkage", clean, raw)
                  .withTimes(Optional.of(Instant.parse("2025-02-01T08:00:00Z")), Optional.empty()));
      JourneySnapshot snapshot =
          new JourneySnapshot(
              f.inquiry, List.of(), f.journeys.elements(f.inquiry), List.of(), List.of(), Map.of());
      List<ObjectNode> events = exporter.events(snapshot, RedactionProfile.DEFAULT);
      ObjectNode cleaning = find(events, undated.label());
      assertFalse(cleaning.has("run"), cleaning.toString());
      assertFalse(cleaning.has("eventType"));
      assertEquals("2026-12-01T12:00:00Z", cleaning.get("eventTime").asText());
      ObjectNode linking = find(events, started.label());
      assertEquals("START", linking.get("eventType").asText());
      assertEquals("2025-02-01T08:00:00Z", linking.get("eventTime").asText());
      assertEquals("Raw extract", linking.at("/outputs/0/name").asText());
    }
  }

  /**
   * A facet is written as received; one received without its envelope ({@code _producer}, {@code
   * _schemaURL}) gets one.
   */
  private static void assertKept(JsonNode received, JsonNode written) {
    assertTrue(written.isObject(), "missing: " + received);
    ObjectNode expected = ((ObjectNode) received).deepCopy();
    for (String key : List.of("_producer", "_schemaURL")) {
      if (!expected.has(key)) {
        expected.set(key, written.get(key));
      }
    }
    assertEquals(expected, written);
  }

  private static ObjectNode find(List<ObjectNode> events, String job) {
    return events.stream()
        .filter(e -> e.path("job").path("name").asText().equals(job))
        .findFirst()
        .orElseThrow(() -> new AssertionError(job + " not in " + events));
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
