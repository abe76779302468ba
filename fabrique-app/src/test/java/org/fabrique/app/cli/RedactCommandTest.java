package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactCommandTest {
  @TempDir Path temp;

  @Test
  void suggestionsAreListedAcceptedByRuleAndRejected() throws Exception {
    CommandRunner cli = new CommandRunner(temp.resolve("data"));
    String inquiry = cli.run("inquiry", "create", "Registre").out().strip();
    Path note = temp.resolve("note.txt");
    Files.writeString(
        note,
        "Réunion avec Sophie Martin le 2 février 2021. Martin appellera le 06 12 34 56 78.\n");
    assertEquals(0, cli.run("source", "import", "--inquiry", inquiry, note.toString()).exitCode());

    CommandRunner.Result suggested = cli.run("redact", "suggest", "--inquiry", inquiry, "--json");
    assertEquals(0, suggested.exitCode(), suggested.err());
    assertTrue(suggested.out().contains("\"category\" : \"person\""), suggested.out());
    assertTrue(suggested.out().contains("\"text\" : \"06 12 34 56 78\""), suggested.out());

    CommandRunner.Result rule =
        cli.run("redact", "accept", "--inquiry", inquiry, "--value", "Martin");
    assertEquals(0, rule.exitCode(), rule.err());
    assertTrue(rule.out().contains("\taccepted\t100%\trule\tMartin"), rule.out());

    String phoneId =
        cli.run("redact", "list", "--inquiry", inquiry, "--status", "suggested")
            .out()
            .lines()
            .filter(l -> l.contains("\tphone\t"))
            .findFirst()
            .orElseThrow()
            .split("\t")[0];
    CommandRunner.Result rejected = cli.run("redact", "reject", phoneId);
    assertTrue(rejected.out().contains("\trejected\t"), rejected.out());

    CommandRunner.Result keys = cli.run("redact", "keys", "--inquiry", inquiry);
    assertTrue(keys.out().contains("\tperson\tPerson 1\tMartin"), keys.out());

    CommandRunner.Result badCategory =
        cli.run("redact", "accept", "--inquiry", inquiry, "--value", "X", "--category", "pet");
    assertEquals(2, badCategory.exitCode());
    assertTrue(badCategory.err().contains("Unknown category pet"), badCategory.err());
  }
}
