package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports and exports of the command line tell what they did in the user's language. */
class ExportLanguageTest {
  @TempDir Path temp;

  private CommandRunner.Result run(Map<String, String> environment, String... args) {
    return new CommandRunner(temp.resolve("data")).runWith(environment, args);
  }

  private static String event(String type) {
    return JourneyCommandsTest.event(type, "raw", "clean");
  }

  @Test
  void lineageProvAndCodingsExportsSpeakFrenchAndWriteAFrenchReport() throws Exception {
    Map<String, String> french = Map.of("LANG", "fr_FR.UTF-8");
    String inquiry = run(french, "inquiry", "create", "Lignée").out().strip();
    Path events = temp.resolve("events.ndjson");
    Files.writeString(events, event("START") + "\n" + event("COMPLETE") + "\n");
    CommandRunner.Result imported =
        run(french, "lineage", "import", "--inquiry", inquiry, events.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    assertEquals("2 événements : 1 intervention, 2 objets de données\n", imported.out());

    Path ndjson = temp.resolve("out.ndjson");
    CommandRunner.Result lineage =
        run(french, "lineage", "export", "--inquiry", inquiry, ndjson.toString());
    assertEquals(0, lineage.exitCode(), lineage.err());
    assertEquals("2 événements écrits dans " + ndjson + "\n", lineage.err());
    String report = Files.readString(temp.resolve("out.ndjson.report.md"));
    assertTrue(
        report.startsWith("# Exportation OpenLineage : ce qui a été caviardé et laissé de côté"),
        report);
    assertTrue(report.contains("\n- Profil de caviardage : team\n"), report);
    assertTrue(report.contains("\n- 0 source laissée de côté, avec leurs codages"), report);

    Path prov = temp.resolve("prov.ttl");
    CommandRunner.Result provn =
        run(french, "prov", "export", "--inquiry", inquiry, "--format", "ttl", prov.toString());
    assertEquals(0, provn.exitCode(), provn.err());
    assertTrue(
        provn.err().endsWith("éléments de parcours écrits dans " + prov + "\n"), provn.err());
    assertTrue(
        Files.readString(temp.resolve("prov.ttl.report.md")).startsWith("# Exportation PROV"));

    Path csv = temp.resolve("codings.csv");
    CommandRunner.Result codings =
        run(french, "codings", "export", "--inquiry", inquiry, csv.toString());
    assertEquals(0, codings.exitCode(), codings.err());
    assertTrue(
        codings.err().startsWith("0 codage écrit dans " + csv + " (profil team) ; ce qui a été"),
        codings.err());
  }

  @Test
  void anEnglishUserReadsTheSameExportsInEnglish() throws Exception {
    String inquiry = run(Map.of(), "inquiry", "create", "Lineage").out().strip();
    Path events = temp.resolve("events.ndjson");
    Files.writeString(events, event("START") + "\n" + event("COMPLETE") + "\n");
    assertEquals(
        "2 events: 1 intervention, 2 data objects\n",
        run(Map.of(), "lineage", "import", "--inquiry", inquiry, events.toString()).out());
    Path ndjson = temp.resolve("out.ndjson");
    CommandRunner.Result lineage =
        run(Map.of(), "lineage", "export", "--inquiry", inquiry, ndjson.toString());
    assertEquals("2 events written to " + ndjson + "\n", lineage.err());
    String report = Files.readString(temp.resolve("out.ndjson.report.md"));
    assertEquals(
        "# OpenLineage export: what was redacted and left out\n\n"
            + "- Redaction profile: team\n"
            + "- 0 source(s) left out, with their codings and evidence (confidentiality above"
            + " what the profile allows)\n"
            + "- 0 passage(s) replaced in 0 source(s)\n"
            + "- 0 value(s) replaced in titles, memos and notes\n",
        report);
  }
}
