package org.fabrique.formats.openlineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fabrique.core.error.Problem;
import org.fabrique.formats.openlineage.OpenLineageEvents.Framing;
import org.fabrique.formats.openlineage.OpenLineageEvents.Limits;
import org.junit.jupiter.api.Test;

class OpenLineageEventsTest {
  static byte[] resource(String name) {
    try (InputStream in =
        OpenLineageEventsTest.class.getResourceAsStream(
            "/org/fabrique/formats/openlineage/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String text(String name) {
    return new String(resource(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static final String NO_PRODUCER =
      "{\"eventTime\":\"2025-01-01T00:00:00Z\",\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
          + "\"run\":{\"runId\":\"3f5e83fa-3480-44ff-99c5-ff943904e5e8\"},\"job\":{\"namespace\":\"n\",\"name\":\"j\"}}";

  @Test
  void theOfficialFullExampleIsValid() {
    OpenLineageEvents.Parsed parsed = OpenLineageEvents.read(resource("example_full_event.json"));
    assertEquals(1, parsed.events().size());
    assertTrue(parsed.valid(), parsed.problems().toString());
  }

  @Test
  void aBatchedArrayAndNdjsonAreRead() {
    String one = text("example_full_event.json").replace("\n", " ");
    assertEquals(2, OpenLineageEvents.read(bytes("[" + one + "," + one + "]")).events().size());
    OpenLineageEvents.Parsed ndjson = OpenLineageEvents.read(bytes(one + "\r\n\n" + one + "\n"));
    assertEquals(2, ndjson.events().size());
    assertTrue(ndjson.valid(), ndjson.problems().toString());
  }

  @Test
  void eventsOfTheReferenceBackendAndOfOlderSparkListenersAreAcceptedWithWarnings() {
    for (String name :
        List.of(
            "marquez-no-schema-url.json",
            "marquez-no-time-zone.json",
            "marquez-uri-namespaces.json",
            "marquez-dataset-event.json",
            "marquez-job-event.json",
            "spark-listener-start.json")) {
      OpenLineageEvents.Parsed parsed = OpenLineageEvents.read(resource("producers/" + name));
      assertTrue(parsed.valid(), name + ": " + parsed.problems());
      assertEquals(1, parsed.events().size(), name);
    }
  }

  @Test
  void anEventWithoutSchemaUrlIsAcceptedWithAWarningPointingAtIt() {
    OpenLineageEvents.Parsed parsed =
        OpenLineageEvents.read(resource("producers/marquez-no-schema-url.json"));
    assertEquals(
        List.of(
            Problem.warning("event 1", "The event names no schemaURL; read as OpenLineage 2-0-2")
                .at("/schemaURL")),
        parsed.problems());
    assertFalse(parsed.events().get(0).has("schemaURL"), "the event is kept as it came");
  }

  @Test
  void aTimeWithoutZoneIsReadAsUtcWithAWarning() {
    OpenLineageEvents.Parsed parsed =
        OpenLineageEvents.read(resource("producers/marquez-no-time-zone.json"));
    assertEquals(
        List.of(
            Problem.warning("event 1", "The event time has no time zone; read as UTC")
                .at("/eventTime")),
        parsed.problems());
    assertEquals("2021-03-14T09:45:12.123456Z", parsed.events().get(0).get("eventTime").asText());
  }

  @Test
  void facetsWithoutTheirEnvelopeAreKeptAsTheyCameWithAWarningEach() {
    OpenLineageEvents.Parsed parsed =
        OpenLineageEvents.read(resource("producers/spark-listener-start.json"));
    assertEquals(
        List.of(
            "/schemaURL",
            "/run/facets/parent",
            "/run/facets/spark_version",
            "/job/facets/sql",
            "/inputs/0/inputFacets/dataQualityMetrics",
            "/outputs/0/outputFacets/outputStatistics"),
        parsed.warnings().stream().map(Problem::pointer).toList());
    assertFalse(parsed.events().get(0).path("run").path("facets").path("parent").has("_producer"));
  }

  @Test
  void aTimeThatIsNoTimeIsRefused() {
    String event = NO_PRODUCER.replace("2025-01-01T00:00:00Z", "yesterday");
    event = event.replace("{\"eventTime\"", "{\"producer\":\"https://example.org\",\"eventTime\"");
    OpenLineageEvents.Parsed parsed = OpenLineageEvents.read(bytes(event));
    assertFalse(parsed.valid());
    assertEquals(List.of("/eventTime"), parsed.errors().stream().map(Problem::pointer).toList());
  }

  @Test
  void aMissingRequiredFieldIsOneErrorPerEventWithItsPointer() {
    OpenLineageEvents.Parsed parsed =
        OpenLineageEvents.read(bytes("[" + NO_PRODUCER + "," + NO_PRODUCER + "]"));
    assertFalse(parsed.valid());
    assertEquals(
        List.of("event 1 /0/producer", "event 2 /1/producer"),
        parsed.errors().stream().map(p -> p.location() + " " + p.pointer()).toList(),
        parsed.errors().toString());
  }

  @Test
  void aWrongTypeAndARunIdThatIsNoUuidAreRefused() {
    String event =
        "{\"eventTime\":\"2025-01-01T00:00:00Z\",\"producer\":\"https://example.org\","
            + "\"run\":{\"runId\":\"run-1\"},\"job\":{\"namespace\":\"n\",\"name\":42}}";
    OpenLineageEvents.Parsed parsed = OpenLineageEvents.read(bytes(event));
    assertEquals(
        List.of("/run/runId", "/job/name"),
        parsed.errors().stream().map(Problem::pointer).toList(),
        parsed.errors().toString());
  }

  @Test
  void aSingleObjectOverSeveralLinesIsOneEventNotNdjson() {
    OpenLineageEvents.Parsed parsed =
        OpenLineageEvents.read(resource("producers/marquez-uri-namespaces.json"));
    assertTrue(parsed.valid(), parsed.problems().toString());
    assertEquals(1, parsed.events().size());
  }

  @Test
  void trailingGarbageAfterAValueIsRefused() {
    String pretty = text("producers/marquez-job-event.json");
    for (String body : List.of(pretty + "\n}", pretty + " xyz", pretty + "\n" + pretty)) {
      OpenLineageEvents.Parsed parsed = OpenLineageEvents.read(bytes(body));
      assertFalse(parsed.valid(), body);
      assertTrue(parsed.events().isEmpty());
      assertTrue(
          parsed.errors().get(0).message().startsWith("The body has more after its JSON value"),
          parsed.errors().toString());
    }
    String line = pretty.replace("\n", "");
    OpenLineageEvents.Parsed ndjson = OpenLineageEvents.read(bytes(line + "\n" + line + " 3\n"));
    assertEquals(List.of("line 2"), ndjson.errors().stream().map(Problem::location).toList());
  }

  @Test
  void theContentTypeDecidesTheFraming() {
    String line = text("producers/marquez-job-event.json").replace("\n", "");
    byte[] two = bytes(line + "\n" + line);
    assertEquals(Framing.ONE_VALUE, Framing.ofContentType("application/json; charset=utf-8"));
    assertEquals(Framing.NDJSON, Framing.ofContentType("application/x-ndjson"));
    assertEquals(Framing.SNIFF, Framing.ofContentType(null));
    assertFalse(OpenLineageEvents.read(two, Framing.ONE_VALUE, Limits.DEFAULT).valid());
    assertEquals(2, OpenLineageEvents.read(two, Framing.NDJSON, Limits.DEFAULT).events().size());
    OpenLineageEvents.Parsed pretty =
        OpenLineageEvents.read(
            resource("producers/marquez-job-event.json"), Framing.NDJSON, Limits.DEFAULT);
    assertFalse(pretty.valid());
  }

  @Test
  void limitsOnSizeAndNumberOfEventsAreEnforced() {
    byte[] example = resource("example_full_event.json");
    OpenLineageEvents.Parsed big =
        OpenLineageEvents.read(example, Framing.SNIFF, new Limits(100, 10));
    assertEquals(
        List.of(Problem.error("body", "The body is larger than the limit of 100 bytes")),
        big.problems());
    String one = text("example_full_event.json").replace("\n", " ");
    OpenLineageEvents.Parsed many =
        OpenLineageEvents.read(
            bytes(one + "\n" + one + "\n" + one), Framing.SNIFF, new Limits(1 << 20, 2));
    assertEquals(
        List.of(Problem.error("body", "The body holds 3 events; at most 2 are accepted at once")),
        many.problems());
  }

  @Test
  void garbageIsRefusedWithAMessageSayingWhereAndNoParserName() {
    for (String body : List.of("{not json", "{\"a\":", "\n\n  [1, }")) {
      OpenLineageEvents.Parsed parsed = OpenLineageEvents.read(bytes(body));
      assertFalse(parsed.valid());
      String message = parsed.problems().get(0).message();
      assertTrue(message.contains("line "), message);
      assertFalse(message.contains("Jackson") || message.contains("com."), message);
      assertFalse(message.contains("Exception") || message.contains("Feature"), message);
    }
    assertEquals(
        List.of(Problem.error("body", "The body holds no event")),
        OpenLineageEvents.read(bytes("  \n ")).problems());
  }
}
