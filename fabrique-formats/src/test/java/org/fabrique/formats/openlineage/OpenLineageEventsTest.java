package org.fabrique.formats.openlineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenLineageEventsTest {
  private static byte[] example() throws IOException {
    try (InputStream in =
        OpenLineageEventsTest.class.getResourceAsStream(
            "/org/fabrique/formats/openlineage/example_full_event.json")) {
      return in.readAllBytes();
    }
  }

  @Test
  void theOfficialFullExampleIsValid() throws IOException {
    OpenLineageEvents.Parsed parsed = OpenLineageEvents.read(example());
    assertEquals(1, parsed.events().size());
    assertTrue(parsed.valid(), parsed.problems().toString());
  }

  @Test
  void aBatchedArrayAndNdjsonAreRead() throws IOException {
    String one = new String(example(), StandardCharsets.UTF_8).replace("\n", " ");
    assertEquals(
        2,
        OpenLineageEvents.read(("[" + one + "," + one + "]").getBytes(StandardCharsets.UTF_8))
            .events()
            .size());
    OpenLineageEvents.Parsed ndjson =
        OpenLineageEvents.read((one + "\n" + one + "\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(2, ndjson.events().size());
    assertTrue(ndjson.valid(), ndjson.problems().toString());
  }

  @Test
  void anEventMissingItsProducerIsRefusedWithTheSchemaError() {
    String bad =
        "{\"eventTime\":\"2025-01-01T00:00:00Z\",\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
            + "\"run\":{\"runId\":\"3f5e83fa-3480-44ff-99c5-ff943904e5e8\"},\"job\":{\"namespace\":\"n\",\"name\":\"j\"}}";
    OpenLineageEvents.Parsed parsed = OpenLineageEvents.read(bad.getBytes(StandardCharsets.UTF_8));
    assertFalse(parsed.valid());
    assertTrue(parsed.problems().toString().contains("producer"), parsed.problems().toString());
  }

  @Test
  void garbageIsRefusedWithAMessageSayingWhere() {
    OpenLineageEvents.Parsed parsed =
        OpenLineageEvents.read("{not json".getBytes(StandardCharsets.UTF_8));
    assertFalse(parsed.valid());
    assertTrue(parsed.problems().get(0).message().contains("not JSON"));
  }
}
