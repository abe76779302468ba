package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in the command line are told in the user's language; English stays picocli's. */
class UsageErrorsTest {
  private static final Map<String, String> FRENCH = Map.of("FABRIQUE_LANG", "fr");
  private static final Map<String, String> ENGLISH = Map.of("FABRIQUE_LANG", "en");

  @TempDir Path temp;

  private CommandRunner.Result run(Map<String, String> environment, String... args) {
    return new CommandRunner(temp.resolve("data")).runWith(environment, args);
  }

  @Test
  void aMisspeltCommandIsToldWithItsSuggestionInFrench() {
    CommandRunner.Result result = run(FRENCH, "inquiry", "lisst");

    assertEquals(FabriqueCommand.BAD_INPUT, result.exitCode());
    assertTrue(
        result.err().startsWith("fabrique: Arguments non reconnus : 'lisst', "), result.err());
    assertTrue(
        result
            .err()
            .endsWith(
                "\nVouliez-vous dire : inquiry list ?\nVoir « fabrique help » pour l’usage.\n"),
        result.err());
  }

  @Test
  void aMissingOptionAndAnUnknownOneAreToldInFrench() {
    assertEquals(
        "fabrique: Option obligatoire manquante : '--inquiry=ID'\n"
            + "Voir « fabrique help » pour l’usage.\n",
        run(FRENCH, "history", "undo").err());
    assertEquals(
        "fabrique: Option inconnue : '--name'\nVoir « fabrique help » pour l’usage.\n",
        run(FRENCH, "inquiry", "create", "Cohorte", "--name").err());
  }

  @Test
  void aValueThatIsNotANumberIsToldInFrench() {
    CommandRunner.Result result = run(FRENCH, "history", "show", "--inquiry", "abc");
    assertEquals(2, result.exitCode());
    assertEquals(
        "fabrique: Valeur invalide pour '--inquiry' : « abc » n’est pas un nombre entier\n"
            + "Voir « fabrique help » pour l’usage.\n",
        result.err());
    assertTrue(
        run(ENGLISH, "history", "show", "--inquiry", "abc")
            .err()
            .startsWith("fabrique: Invalid value for option '--inquiry': 'abc' is not a long"));
  }

  @Test
  void englishKeepsPicocliSentences() {
    String misspelt = run(ENGLISH, "inquiry", "lisst").err();
    assertTrue(
        misspelt.startsWith("fabrique: Unmatched arguments from index 1: 'lisst', "), misspelt);
    assertTrue(
        misspelt.endsWith("\nDid you mean: inquiry list?\nTry 'fabrique help' for usage.\n"),
        misspelt);
    assertEquals(
        "fabrique: Missing required option: '--inquiry=ID'\nTry 'fabrique help' for usage.\n",
        run(ENGLISH, "history", "undo").err());
  }
}
