package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fabrique audit list: exports, deletions and purges written down, never the material. */
class AuditCommandTest {
  @TempDir Path temp;

  @Test
  void exportsDeletionsAndPurgesAreListedNewestFirstWithoutFieldMaterial() throws Exception {
    CommandRunner cli = new CommandRunner(temp.resolve("data"));
    String inquiry = cli.run("inquiry", "create", "Audit").out().strip();
    String other = cli.run("inquiry", "create", "Ailleurs").out().strip();
    Path note = temp.resolve("entretien.txt");
    Files.writeString(note, "Entretien avec Mme Kerbrat.\n");
    String source =
        cli.run("source", "import", "--inquiry", inquiry, note.toString()).out().split("\t")[0];
    assertEquals(0, cli.run("source", "purge", "--inquiry", inquiry, source).exitCode());
    CommandRunner.Result backup =
        cli.run("backup", "--out", temp.resolve("sauvegarde.zip").toString());
    assertEquals(0, backup.exitCode(), backup.err());

    CommandRunner.Result listed = cli.run("audit", "list", "--inquiry", inquiry);
    assertEquals(0, listed.exitCode(), listed.err());
    List<String> lines = listed.out().lines().toList();
    assertEquals(1, lines.size(), listed.out());
    assertEquals("purge", lines.get(0).split("\t")[1]);
    assertEquals("researcher", lines.get(0).split("\t")[2]);
    assertEquals("Purged source " + source, lines.get(0).split("\t")[7]);
    assertEquals("", cli.run("audit", "list", "--inquiry", other).out());

    String all = cli.run("audit", "list").out();
    assertFalse(all.contains("Kerbrat"), "no field material: " + all);
    assertFalse(all.contains("entretien"), "no file names: " + all);
    assertFalse(all.contains("sauvegarde"), "no file names: " + all);
    JsonNode json = new ObjectMapper().readTree(cli.run("audit", "list", "--json").out());
    assertEquals(2, json.size());
    assertEquals("export", json.get(0).get("action").asText());
    assertEquals("backup", json.get(0).get("target").asText());
    assertEquals("internal", json.get(0).get("profile").asText());
    assertEquals("purge", json.get(1).get("action").asText());
    assertEquals(Long.parseLong(inquiry), json.get(1).get("inquiryId").asLong());

    assertEquals(0, cli.run("audit", "list", "--since", "2999-01-01").out().length());
    CommandRunner.Result badDate = cli.run("audit", "list", "--since", "yesterday");
    assertEquals(2, badDate.exitCode());
    assertTrue(badDate.err().contains("--since takes a date"), badDate.err());
  }
}
