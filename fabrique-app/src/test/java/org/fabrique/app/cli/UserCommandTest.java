package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fabrique user add|list|disable|enable|password, and serve's refusal to listen unprotected. */
class UserCommandTest {
  private static final Map<String, String> PASSWORD =
      Map.of(UserCommand.PASSWORD_VARIABLE, "a long enough password");

  @TempDir Path dataDir;
  private CommandRunner fabrique;

  @BeforeEach
  void setUp() {
    fabrique = new CommandRunner(dataDir);
  }

  @Test
  void accountsAreAddedListedDisabledAndGivenANewPassword() {
    CommandRunner.Result added =
        fabrique.runWith(
            PASSWORD, "user", "add", "camille", "--display-name", "Camille", "--admin");
    assertEquals(0, added.exitCode(), added.err());
    assertTrue(added.out().contains("User camille created"), added.out());
    assertFalse(added.out().contains("a long enough password"));

    assertEquals(0, fabrique.runWith(PASSWORD, "user", "add", "sam").exitCode());
    CommandRunner.Result list = fabrique.run("user", "list");
    assertTrue(list.out().contains("\tcamille\tCamille\tadmin\tenabled"), list.out());
    assertTrue(list.out().contains("\tsam\tsam\t-\tenabled"), list.out());

    assertEquals(0, fabrique.run("user", "disable", "sam").exitCode());
    assertTrue(fabrique.run("user", "list").out().contains("\tsam\tsam\t-\tdisabled"));
    assertEquals(0, fabrique.run("user", "enable", "sam").exitCode());

    CommandRunner.Result changed =
        fabrique.runWith(
            Map.of(UserCommand.PASSWORD_VARIABLE, "another long password"),
            "user",
            "password",
            "sam");
    assertEquals(0, changed.exitCode(), changed.err());
  }

  @Test
  void badLoginsShortPasswordsAndUnknownUsersAreRefused() {
    CommandRunner.Result taken = fabrique.runWith(PASSWORD, "user", "add", "sam");
    assertEquals(0, taken.exitCode());
    assertEquals(2, fabrique.runWith(PASSWORD, "user", "add", "sam").exitCode());
    CommandRunner.Result shortPassword =
        fabrique.runWith(Map.of(UserCommand.PASSWORD_VARIABLE, "short"), "user", "add", "lou");
    assertEquals(2, shortPassword.exitCode());
    assertTrue(shortPassword.err().contains("at least 10 characters"), shortPassword.err());
    assertEquals(2, fabrique.runWith(PASSWORD, "user", "add", "Real Name").exitCode());
    CommandRunner.Result noPassword = fabrique.run("user", "add", "lou");
    assertEquals(2, noPassword.exitCode());
    assertTrue(noPassword.err().contains("FABRIQUE_PASSWORD"), noPassword.err());
    assertEquals(2, fabrique.run("user", "disable", "nobody").exitCode());
  }

  @Test
  void serveRefusesToListenBeyondThisMachineWithoutSignIn() {
    CommandRunner.Result refused = fabrique.run("serve", "--host", "0.0.0.0", "--port", "0");
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("--auth local"), refused.err());
    CommandRunner.Result badUrl =
        fabrique.run("serve", "--public-url", "ftp://example.org/", "--port", "0");
    assertEquals(2, badUrl.exitCode());
  }

  @Test
  void serveWithOidcNeedsItsIssuerClientAndPublicAddressAndTakesNoSecretAsAnOption() {
    CommandRunner.Result noIssuer = fabrique.run("serve", "--auth", "oidc", "--port", "0");
    assertEquals(2, noIssuer.exitCode());
    assertTrue(noIssuer.err().contains("--oidc-issuer"), noIssuer.err());
    CommandRunner.Result noPublicUrl =
        fabrique.run(
            "serve",
            "--auth",
            "oidc",
            "--oidc-issuer",
            "https://login.example.org/realms/univ",
            "--oidc-client-id",
            "fabrique",
            "--port",
            "0");
    assertEquals(2, noPublicUrl.exitCode());
    assertTrue(noPublicUrl.err().contains("--public-url"), noPublicUrl.err());
    CommandRunner.Result plainHttp =
        fabrique.run(
            "serve",
            "--auth",
            "oidc",
            "--oidc-issuer",
            "http://login.example.org/realms/univ",
            "--oidc-client-id",
            "fabrique",
            "--public-url",
            "https://fabrique.example.org/",
            "--port",
            "0");
    assertEquals(2, plainHttp.exitCode());
    assertTrue(plainHttp.err().contains("https"), plainHttp.err());
    CommandRunner.Result secretOption =
        fabrique.run("serve", "--auth", "oidc", "--oidc-client-secret", "s3cret", "--port", "0");
    assertEquals(2, secretOption.exitCode());
    assertTrue(secretOption.err().contains("--oidc-client-secret"), secretOption.err());
  }

  @Test
  void anExistingAccountIsMadeASiteAdmin() {
    assertEquals(0, fabrique.runWith(PASSWORD, "user", "add", "noa").exitCode());
    CommandRunner.Result made = fabrique.run("user", "admin", "noa");
    assertEquals(0, made.exitCode(), made.err());
    assertTrue(fabrique.run("user", "list").out().contains("\tnoa\tnoa\tadmin\tenabled"));
    assertEquals(2, fabrique.run("user", "admin", "nobody").exitCode());
  }

  @Test
  void membersAreAddedGivenAnotherRoleListedAndRemovedButTheLastOwnerStays() {
    assertEquals(0, fabrique.runWith(PASSWORD, "user", "add", "camille").exitCode());
    assertEquals(0, fabrique.runWith(PASSWORD, "user", "add", "sam").exitCode());
    String inquiry = fabrique.run("inquiry", "create", "Registries").out().strip();
    CommandRunner.Result added =
        fabrique.run("member", "add", "--inquiry", inquiry, "--user", "camille", "--role", "owner");
    assertEquals(0, added.exitCode(), added.err());
    assertEquals(
        0,
        fabrique
            .run("member", "add", "--inquiry", inquiry, "--user", "sam", "--role", "viewer")
            .exitCode());
    assertEquals(
        0,
        fabrique
            .run("member", "add", "--inquiry", inquiry, "--user", "sam", "--role", "coder")
            .exitCode());
    CommandRunner.Result list = fabrique.run("member", "list", "--inquiry", inquiry);
    assertEquals("camille\tcamille\towner\nsam\tsam\tcoder\n", list.out().replace("\r", ""));

    CommandRunner.Result lastOwner =
        fabrique.run("member", "remove", "--inquiry", inquiry, "--user", "camille");
    assertEquals(2, lastOwner.exitCode());
    assertTrue(lastOwner.err().contains("at least one owner"), lastOwner.err());
    assertEquals(
        0, fabrique.run("member", "remove", "--inquiry", inquiry, "--user", "sam").exitCode());
    assertEquals(
        2,
        fabrique
            .run("member", "add", "--inquiry", inquiry, "--user", "sam", "--role", "boss")
            .exitCode());
    assertEquals(
        2,
        fabrique
            .run("member", "add", "--inquiry", "999999", "--user", "sam", "--role", "coder")
            .exitCode());
  }
}
