package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fabrique token create|list|revoke. */
class TokenCommandTest {
  @TempDir Path temp;

  @Test
  void aTokenIsPrintedOnceListedByItsStartAndRevoked() {
    CommandRunner cli = new CommandRunner(temp.resolve("data"));
    cli.run("inquiry", "create", "Jetons");
    CommandRunner.Result made =
        cli.run("token", "create", "--user", "researcher", "--expires", "30d");
    assertEquals(0, made.exitCode(), made.err());
    String secret = made.out().strip();
    assertTrue(secret.startsWith("fab_"), secret);
    assertTrue(made.err().contains("shown this once"), made.err());

    List<String> listed = cli.run("token", "list").out().lines().toList();
    assertEquals(1, listed.size());
    String[] columns = listed.get(0).split("\t");
    assertEquals("researcher", columns[1]);
    assertTrue(secret.startsWith(columns[2].replace("…", "")), listed.get(0));
    assertTrue(!listed.get(0).contains(secret), "the list never shows the token");
    assertEquals("valid", columns[6]);

    assertEquals(0, cli.run("token", "revoke", columns[0]).exitCode());
    assertTrue(cli.run("token", "list").out().strip().endsWith("revoked"));
    assertTrue(cli.run("audit", "list").out().contains("token-revoked"));

    CommandRunner.Result nobody = cli.run("token", "create", "--user", "nobody");
    assertEquals(2, nobody.exitCode());
    CommandRunner.Result badExpiry =
        cli.run("token", "create", "--user", "researcher", "--expires", "soon");
    assertEquals(2, badExpiry.exitCode());
    assertTrue(badExpiry.err().contains("--expires takes"), badExpiry.err());
  }
}
