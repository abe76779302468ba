package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCommandTest {
  @TempDir Path temp;

  @Test
  void aBackupRestoresOntoAnEmptyDataDirectoryWithItsSearchIndex() throws Exception {
    CommandRunner cli = new CommandRunner(temp.resolve("data"));
    String inquiry = cli.run("inquiry", "create", "Sauvegarde").out().strip();
    Path note = temp.resolve("note.txt");
    Files.writeString(note, "Le comité a parlé de pseudonymisation.\n");
    cli.run("source", "import", "--inquiry", inquiry, note.toString());

    Path backup = temp.resolve("fabrique.backup");
    CommandRunner.Result written = cli.run("backup", "--out", backup.toString());
    assertEquals(0, written.exitCode(), written.err());
    assertTrue(written.out().contains("NOT encrypted"), written.out());

    CommandRunner restored = new CommandRunner(temp.resolve("copy"));
    CommandRunner.Result result = restored.run("restore", backup.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("search indexes rebuilt"), result.out());
    assertTrue(
        restored.run("search", "--inquiry", inquiry, "pseudonymisation").out().contains("comité"));

    CommandRunner.Result again = restored.run("restore", backup.toString());
    assertEquals(2, again.exitCode());
    assertTrue(again.err().contains("empty data directory"), again.err());

    CommandRunner.Result missing = restored.run("restore", temp.resolve("none").toString());
    assertEquals(2, missing.exitCode());
  }

  @Test
  void backupsAndRestoresSpeakTheLanguageOfTheirUser() {
    CommandRunner cli = new CommandRunner(temp.resolve("data"));
    cli.run("inquiry", "create", "Sauvegarde");
    Path backup = temp.resolve("fabrique.backup");
    Map<String, String> french = Map.of("LANG", "fr_FR.UTF-8");
    CommandRunner.Result written = cli.runWith(french, "backup", "--out", backup.toString());
    assertEquals(0, written.exitCode(), written.err());
    assertTrue(written.out().contains("NON chiffrée"), written.out());

    CommandRunner restored = new CommandRunner(temp.resolve("copy"));
    CommandRunner.Result result = restored.runWith(french, "restore", backup.toString());
    assertTrue(result.out().contains("index de recherche reconstruits"), result.out());
    CommandRunner.Result again = restored.runWith(french, "restore", backup.toString());
    assertEquals(2, again.exitCode());
    assertTrue(again.err().contains("Restaurez dans un dossier de données vide"), again.err());
    CommandRunner.Result english =
        restored.runWith(
            Map.of("LANG", "fr_FR.UTF-8", "LC_ALL", "C.UTF-8"), "restore", backup.toString());
    assertTrue(english.err().contains("empty data directory"), "LC_ALL wins: " + english.err());
    CommandRunner.Result asked =
        new CommandRunner(temp.resolve("other"))
            .runWith(Map.of("FABRIQUE_LANG", "fr"), "restore", temp.resolve("x").toString());
    assertTrue(asked.err().contains("Il n’y a pas de fichier de sauvegarde"), asked.err());
  }

  @Test
  void aCodebookImportIntoAnExistingInquiryTakesASnapshotFirstAndKeepsTheFiveNewest()
      throws Exception {
    Path data = temp.resolve("data");
    CommandRunner cli = new CommandRunner(data);
    String inquiry = cli.run("inquiry", "create", "Codes").out().strip();
    Path codebook = temp.resolve("codes.qdc");
    Files.writeString(
        codebook,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"test\"><Codes>"
            + "<Code guid=\"c0000000-0000-4000-8000-000000000001\" name=\"Consent\""
            + " isCodable=\"true\"/></Codes></CodeBook>\n");
    for (int i = 0; i < 7; i++) {
      CommandRunner.Result imported =
          cli.run("qdc", "import", "--inquiry", inquiry, codebook.toString());
      assertEquals(0, imported.exitCode(), imported.err());
    }
    try (var snapshots = Files.list(data.resolve("snapshots"))) {
      assertEquals(
          5,
          snapshots
              .filter(f -> f.getFileName().toString().startsWith("before-codebook-import-"))
              .count());
    }
  }
}
