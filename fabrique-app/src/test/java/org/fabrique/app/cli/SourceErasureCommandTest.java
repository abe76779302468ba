package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceErasureCommandTest {
  @TempDir Path temp;

  @Test
  void aFileImportedTwiceIsLeftOutWithAWarningUnlessAllowed() throws Exception {
    CommandRunner cli = new CommandRunner(temp.resolve("data"));
    String inquiry = cli.run("inquiry", "create", "Doublons").out().strip();
    Path note = temp.resolve("note.txt");
    Files.writeString(note, "Une note de terrain.\n");
    Path copy = temp.resolve("copie.txt");
    Files.writeString(copy, "Une note de terrain.\n");
    assertEquals(0, cli.run("source", "import", "--inquiry", inquiry, note.toString()).exitCode());

    CommandRunner.Result again = cli.run("source", "import", "--inquiry", inquiry, copy.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.err().contains("warning: already imported as source"), again.err());
    assertEquals(1, cli.run("source", "list", "--inquiry", inquiry).out().lines().count());

    CommandRunner.Result allowed =
        cli.run("source", "import", "--inquiry", inquiry, "--allow-duplicates", copy.toString());
    assertEquals(0, allowed.exitCode(), allowed.err());
    assertEquals(2, cli.run("source", "list", "--inquiry", inquiry).out().lines().count());
  }

  @Test
  void purgeRemovesTheSourceAndSaysWhatWasRemoved() throws Exception {
    CommandRunner cli = new CommandRunner(temp.resolve("data"));
    String inquiry = cli.run("inquiry", "create", "Retrait").out().strip();
    Path note = temp.resolve("entretien.txt");
    Files.writeString(note, "Entretien avec Mme Kerbrat.\n");
    String source =
        cli.run("source", "import", "--inquiry", inquiry, note.toString()).out().split("\t")[0];

    CommandRunner.Result purged = cli.run("source", "purge", "--inquiry", inquiry, source);
    assertEquals(0, purged.exitCode(), purged.err());
    assertTrue(purged.out().startsWith("1 source(s) purged"), purged.out());
    assertEquals("", cli.run("source", "list", "--inquiry", inquiry).out());

    CommandRunner.Result unknown = cli.run("source", "purge", "--inquiry", inquiry, source);
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("There is no source"), unknown.err());

    CommandRunner.Result nothing =
        cli.run("source", "withdraw", "--inquiry", inquiry, "--attribute", "participant=P07");
    assertEquals(2, nothing.exitCode());
    assertTrue(nothing.err().contains("No source has the value P07"), nothing.err());
  }
}
