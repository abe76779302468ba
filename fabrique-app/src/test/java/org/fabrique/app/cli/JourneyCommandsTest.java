package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fabrique.app.Workbench;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyCommandsTest {
  @TempDir Path temp;

  private record Result(int exitCode, String out, String err) {}

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data");
    all.add(temp.resolve("data").toString());
    int code =
        FabriqueCommand.run(
            all.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** An OpenLineage RunEvent of a job reading one dataset and writing another. */
  static String event(String type, String input, String output) {
    return "{\"eventType\":\""
        + type
        + "\",\"eventTime\":\"2025-03-01T09:00:00Z\","
        + "\"producer\":\"https://example.org/etl\","
        + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
        + "\"run\":{\"runId\":\"3f5e83fa-3480-44ff-99c5-ff943904e5e8\"},"
        + "\"job\":{\"namespace\":\"cohort\",\"name\":\"clean\"},"
        + "\"inputs\":[{\"namespace\":\"cohort\",\"name\":\""
        + input
        + "\"}],"
        + "\"outputs\":[{\"namespace\":\"cohort\",\"name\":\""
        + output
        + "\"}]}";
  }

  @Test
  void lineageIsImportedQueriedAndExportedAsOpenLineageAndProv() throws Exception {
    String inquiry = run("inquiry", "create", "Lineage").out().strip();
    Path events = temp.resolve("events.ndjson");
    Files.writeString(
        events, event("START", "raw", "clean") + "\n" + event("COMPLETE", "raw", "clean") + "\n");
    Result imported = run("lineage", "import", "--inquiry", inquiry, events.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    assertEquals("2 events: 1 intervention, 2 data objects\n", imported.out());

    Path exported = temp.resolve("out.ndjson");
    Result export = run("lineage", "export", "--inquiry", inquiry, exported.toString());
    assertEquals(0, export.exitCode(), export.err());
    List<String> lines = Files.readAllLines(exported);
    assertEquals(2, lines.size(), "the START and the COMPLETE event, as received");
    assertTrue(lines.get(0).contains("\"eventType\":\"START\""), lines.get(0));
    assertTrue(lines.get(1).contains("\"eventType\":\"COMPLETE\""), lines.get(1));

    for (String format : List.of("provn", "json", "jsonld", "ttl")) {
      Path file = temp.resolve("prov." + format);
      Result prov =
          run("prov", "export", "--inquiry", inquiry, "--format", format, file.toString());
      assertEquals(0, prov.exitCode(), prov.err());
      assertTrue(Files.size(file) > 100, format);
    }
    assertEquals(2, run("prov", "export", "--inquiry", inquiry, "--format", "xml", "x").exitCode());
  }

  @Test
  void invalidEventsAreRefusedAndNothingIsImported() throws Exception {
    String inquiry = run("inquiry", "create", "Refused").out().strip();
    Path events = temp.resolve("bad.json");
    Files.writeString(events, "{\"eventType\":\"START\"}");
    Result imported = run("lineage", "import", "--inquiry", inquiry, events.toString());
    assertEquals(2, imported.exitCode());
    assertTrue(imported.err().contains("nothing was imported"), imported.err());
    assertTrue(
        imported.err().contains("\n  bad.json: event 1 /producer: Not OpenLineage 2-0-2: "),
        imported.err());
    assertFalse(imported.err().contains("Exception"), imported.err());
  }

  @Test
  void eventsAsRealProducersWriteThemAreImportedWithWarnings() throws Exception {
    String inquiry = run("inquiry", "create", "Lenient").out().strip();
    Path events = temp.resolve("marquez.json");
    Files.writeString(
        events,
        """
        {
          "eventType": "COMPLETE",
          "eventTime": "2021-03-14T09:45:12",
          "run": {"runId": "0d6a6b6e-4b8e-4d27-9d1f-2d6f0c1d9e01"},
          "job": {"namespace": "orchard", "name": "press"},
          "inputs": [{"namespace": "orchard", "name": "apples"}],
          "outputs": [{"namespace": "orchard", "name": "cider"}],
          "producer": "https://github.com/OpenLineage/OpenLineage/blob/v1-0-0/client"
        }
        """);
    Result imported = run("lineage", "import", "--inquiry", inquiry, events.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    assertEquals("1 event: 1 intervention, 2 data objects\n", imported.out());
    assertTrue(
        imported.err().contains("warning: marquez.json: event 1 /schemaURL: "), imported.err());
    assertTrue(
        imported.err().contains("warning: marquez.json: event 1 /eventTime: "), imported.err());

    Result limited =
        run("lineage", "import", "--inquiry", inquiry, "--max-bytes", "100", events.toString());
    assertEquals(2, limited.exitCode());
    assertTrue(limited.err().contains("--max-bytes"), limited.err());
  }

  @Test
  void lineageChoicesMarksTheChoicesNoEvidenceBacks() {
    String inquiry = run("inquiry", "create", "Coverage").out().strip();
    long object;
    try (Workbench workbench = Workbench.embedded(temp.resolve("data"))) {
      JourneyService journeys = workbench.fabrique().journeys();
      UserId user = workbench.fabrique().users().defaultUser().id();
      InquiryId id = new InquiryId(Long.parseLong(inquiry));
      DataObject cohort =
          journeys.create(
              user,
              DataObject.of(
                  ElementHeader.of(journeys.newId(), id, null, "Cohort"), DataObjectType.DATASET));
      journeys.create(
          user,
          Choice.of(
              ElementHeader.of(journeys.newId(), id, null, "Keep the birth year?"),
              Set.of(Dimension.NATURE),
              List.of(cohort.id())));
      object = cohort.id().value();
    }
    Result choices = run("lineage", "choices", "--object", Long.toString(object));
    assertEquals(0, choices.exitCode(), choices.err());
    assertTrue(choices.out().contains("\tKeep the birth year?\tWITHOUT EVIDENCE\n"), choices.out());
  }

  @Test
  void anOpenRefineHistoryBecomesInterventionsThatLineageQueriesFollow() throws Exception {
    String inquiry = run("inquiry", "create", "Refine").out().strip();
    Path history = temp.resolve("history.json");
    Files.writeString(
        history,
        "[{\"op\":\"core/text-transform\",\"columnName\":\"commune\",\"expression\":\"value.trim()\","
            + "\"description\":\"Text transform on cells in column commune\"},"
            + "{\"op\":\"core/column-removal\",\"columnName\":\"nom\",\"description\":\"Remove column nom\"}]");
    Result imported =
        run(
            "openrefine",
            "import",
            "--inquiry",
            inquiry,
            "--dataset",
            "Cohort",
            history.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    assertTrue(imported.out().startsWith("2 interventions on data object "), imported.out());
    String dataset = imported.out().strip().replace("2 interventions on data object ", "");
    Result downstream = run("lineage", "downstream", "--object", dataset, "--json");
    assertEquals(0, downstream.exitCode(), downstream.err());
    assertTrue(
        downstream.out().contains("\"kind\":\"intervention\",\"distance\":1"), downstream.out());
    Result limited = run("lineage", "downstream", "--object", dataset, "--depth", "1");
    assertEquals(2, limited.out().lines().count(), limited.out());
    assertFalse(run("lineage", "upstream", "--object", dataset).out().contains("intervention"));
    Result fromFirst =
        run("lineage", "downstream", "--object", dataset, "--dataset-version", "0", "--json");
    assertEquals(0, fromFirst.exitCode(), fromFirst.err());
    assertTrue(fromFirst.out().contains("\"versionLabel\":\"v1\""), fromFirst.out());
    Result missing = run("lineage", "downstream", "--object", dataset, "--dataset-version", "9");
    assertFalse(missing.exitCode() == 0);
    assertTrue(missing.err().contains("no version 9 of data object"), missing.err());
  }
}
