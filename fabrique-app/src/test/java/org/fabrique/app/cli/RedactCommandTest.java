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

    Path keyFile = temp.resolve("keys.fabrique");
    CommandRunner.Result unencrypted =
        cli.run("redact", "keys", "--inquiry", inquiry, "--out", keyFile.toString());
    assertEquals(2, unencrypted.exitCode());
    assertTrue(unencrypted.err().contains("only to an encrypted file"), unencrypted.err());
    assertTrue(Files.notExists(keyFile));
    java.util.Map<String, String> right = java.util.Map.of("FABRIQUE_PASSPHRASE", "rivière 42");
    CommandRunner.Result written =
        cli.runWith(
            right,
            "redact",
            "keys",
            "--inquiry",
            inquiry,
            "--out",
            keyFile.toString(),
            "--encrypt");
    assertEquals(0, written.exitCode(), written.err());
    assertTrue(written.err().contains("encrypted"), written.err());
    assertTrue(!written.out().contains("Martin") && !written.err().contains("Martin"));
    assertTrue(
        !new String(Files.readAllBytes(keyFile), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains("Martin"),
        "the file holds the key table encrypted");
    CommandRunner.Result again =
        cli.runWith(
            right,
            "redact",
            "keys",
            "--inquiry",
            inquiry,
            "--out",
            keyFile.toString(),
            "--encrypt");
    assertEquals(2, again.exitCode(), "an existing file is not overwritten");
    CommandRunner.Result opened =
        cli.runWith(right, "redact", "keys", "--read", keyFile.toString());
    assertEquals(0, opened.exitCode(), opened.err());
    assertTrue(opened.out().contains("\tperson\tPerson 1\tMartin"), opened.out());
    CommandRunner.Result wrong =
        cli.runWith(
            java.util.Map.of("FABRIQUE_PASSPHRASE", "riviere 42"),
            "redact",
            "keys",
            "--read",
            keyFile.toString());
    assertEquals(2, wrong.exitCode());
    assertTrue(wrong.err().contains("passphrase is wrong"), wrong.err());
    assertTrue(!wrong.out().contains("Martin"), wrong.out());
    CommandRunner.Result noPassphrase = cli.run("redact", "keys", "--read", keyFile.toString());
    assertEquals(2, noPassphrase.exitCode());
    assertTrue(noPassphrase.err().contains("FABRIQUE_PASSPHRASE"), noPassphrase.err());

    CommandRunner.Result badCategory =
        cli.run("redact", "accept", "--inquiry", inquiry, "--value", "X", "--category", "pet");
    assertEquals(2, badCategory.exitCode());
    assertTrue(badCategory.err().contains("Unknown category pet"), badCategory.err());
  }
}
