package org.fabrique.formats.openlineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyFixture;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.LineageService;
import org.fabrique.store.JdbcStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenLineageImporterTest {
  private final JdbcStore store;
  private final JourneyFixture f;
  private final OpenLineageImporter importer;

  OpenLineageImporterTest(@TempDir Path folder) {
    store = JdbcStore.openSqlite(folder);
    f = new JourneyFixture(store);
    importer = new OpenLineageImporter(f.journeys);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private static String event(String type, String time, String inputs, String outputs) {
    return "{\"eventType\":\""
        + type
        + "\",\"eventTime\":\""
        + time
        + "\",\"producer\":\"https://example.org/etl\","
        + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
        + "\"run\":{\"runId\":\"3f5e83fa-3480-44ff-99c5-ff943904e5e8\"},"
        + "\"job\":{\"namespace\":\"cohort\",\"name\":\"pseudonymise\"},"
        + "\"inputs\":["
        + inputs
        + "],\"outputs\":["
        + outputs
        + "]}";
  }

  private static final String RAW =
      "{\"namespace\":\"cohort\",\"name\":\"raw\",\"facets\":{\"schema\":{\"_producer\":\"p\",\"_schemaURL\":\"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json\","
          + "\"fields\":[{\"name\":\"nir\",\"type\":\"string\"},{\"name\":\"birth_date\",\"type\":\"date\"}]},"
          + "\"fabrique_unknown\":{\"_producer\":\"p\",\"_schemaURL\":\"https://example.org/x.json\",\"anything\":[1,2]}}}";
  private static final String PSEUDO = "{\"namespace\":\"cohort\",\"name\":\"pseudo\"}";

  @Test
  void aStartAndACompleteEventBecomeOneObservedInterventionWithItsDatasets() {
    String body =
        event("START", "2025-03-01T09:00:00Z", RAW, "")
            + "\n"
            + event("COMPLETE", "2025-03-01T09:30:00Z", "", PSEUDO)
            + "\n";
    OpenLineageEvents.Parsed parsed = OpenLineageEvents.read(body.getBytes(StandardCharsets.UTF_8));
    assertTrue(parsed.valid(), parsed.problems().toString());
    OpenLineageImporter.Result result =
        importer.importEvents(f.inquiry, Optional.of(f.caseId), f.user, parsed.events());
    assertEquals(new OpenLineageImporter.Result(2, 1, 2), result);

    Intervention run = f.journeys.list(f.inquiry, Intervention.class).get(0);
    assertEquals("cohort/pseudonymise#3f5e83fa-3480-44ff-99c5-ff943904e5e8", run.externalName());
    assertEquals(KnownBy.OBSERVED, run.header().knownBy());
    assertEquals("2025-03-01T09:00:00Z", run.startedAt().orElseThrow().toString());
    assertEquals("2025-03-01T09:30:00Z", run.endedAt().orElseThrow().toString());
    DataObject raw =
        f.journeys.list(f.inquiry, DataObject.class).stream()
            .filter(d -> d.externalName().equals("cohort/raw"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("nir", "birth_date"), raw.fields().stream().map(x -> x.name()).toList());
    assertTrue(raw.facets().get("fabrique_unknown").contains("\"anything\":[1,2]"));
    assertEquals(
        2, f.lineage.upstream(run.outputs().get(0), LineageService.UNLIMITED).nodes().size());
  }

  @Test
  void theSameEventsImportedTwiceAddNothingAndRecordNothingSoOneUndoRemovesTheImport() {
    String body = event("COMPLETE", "2025-03-01T09:30:00Z", RAW, PSEUDO);
    var events = OpenLineageEvents.read(body.getBytes(StandardCharsets.UTF_8)).events();
    importer.importEvents(f.inquiry, Optional.empty(), f.user, events);
    importer.importEvents(f.inquiry, Optional.empty(), f.user, events);
    assertEquals(3, f.journeys.elements(f.inquiry).size());
    f.history.undo(f.inquiry, f.user);
    assertEquals(0, f.journeys.elements(f.inquiry).size());
  }
}
