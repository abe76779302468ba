package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * history, source purge, user, member, token, search and reindex tell people what they did in the
 * language of the command line; ids and tab-separated lists stay as they are.
 */
class CommandLanguageTest {
  private static final Map<String, String> FRENCH = Map.of("FABRIQUE_LANG", "fr");
  private static final Map<String, String> ENGLISH = Map.of();

  @TempDir Path temp;

  private CommandRunner.Result run(Map<String, String> environment, String... args) {
    return new CommandRunner(temp.resolve("data")).runWith(environment, args);
  }

  private static Map<String, String> withPassword(Map<String, String> environment) {
    Map<String, String> all = new HashMap<>(environment);
    all.put(UserCommand.PASSWORD_VARIABLE, "a long enough password");
    return all;
  }

  @Test
  void undoAndRedoSpeakFrenchWithTheHistoryPagesWords() {
    String id = run(FRENCH, "inquiry", "create", "Cohorte").out().strip();
    assertEquals(
        id + "\tCohorte 2\n", run(FRENCH, "inquiry", "rename", "--inquiry", id, "Cohorte 2").out());
    String shown = run(FRENCH, "history", "show", "--inquiry", id).out();
    assertTrue(shown.contains("\tRenommage de l’enquête « Cohorte » en « Cohorte 2 »\n"), shown);
    assertEquals(
        "Annulé : Renommage de l’enquête « Cohorte » en « Cohorte 2 »\n",
        run(FRENCH, "history", "undo", "--inquiry", id).out());
    String undoneLine =
        run(FRENCH, "history", "show", "--inquiry", id).out().lines().findFirst().get();
    assertTrue(
        undoneLine.endsWith("\tAnnulé : Renommage de l’enquête « Cohorte » en « Cohorte 2 »"),
        undoneLine);
    assertTrue(run(FRENCH, "history", "redo", "--inquiry", id).out().startsWith("Rétabli : "));
    assertEquals("Rien à rétablir\n", run(FRENCH, "history", "redo", "--inquiry", id).out());
    assertEquals("Nothing to redo\n", run(ENGLISH, "history", "redo", "--inquiry", id).out());
    String english = run(ENGLISH, "history", "undo", "--inquiry", id).out();
    assertEquals("Undone: Renamed the inquiry “Cohorte” → “Cohorte 2”\n", english);
  }

  @Test
  void anInquiryThatIsNotThereIsRefusedNeverListedEmpty() {
    for (List<String> command :
        List.of(
            List.of("history", "show"),
            List.of("history", "undo"),
            List.of("history", "redo"),
            List.of("source", "list"),
            List.of("search", "consent"),
            List.of("journey", "queries"))) {
      List<String> arguments = new ArrayList<>(command);
      arguments.addAll(List.of("--inquiry", "987654"));
      CommandRunner.Result french = run(FRENCH, arguments.toArray(String[]::new));
      assertEquals(2, french.exitCode(), command + ": " + french.err());
      assertEquals("", french.out(), command.toString());
      assertTrue(french.err().contains("Il n’y a pas d’enquête 987654"), french.err());
      CommandRunner.Result english = run(ENGLISH, arguments.toArray(String[]::new));
      assertEquals(2, english.exitCode(), command.toString());
      assertTrue(english.err().contains("There is no inquiry 987654"), english.err());
    }
  }

  @Test
  void aPurgeCountsInFrenchWithPluralsAndInEnglishAsBefore() throws Exception {
    String inquiry = run(FRENCH, "inquiry", "create", "Retrait").out().strip();
    Path note = temp.resolve("entretien.txt");
    Files.writeString(note, "Entretien avec Mme Kerbrat.\n");
    Path other = temp.resolve("autre.txt");
    Files.writeString(other, "Un autre entretien.\n");
    String first =
        run(FRENCH, "source", "import", "--inquiry", inquiry, note.toString()).out().split("\t")[0];
    String second =
        run(FRENCH, "source", "import", "--inquiry", inquiry, other.toString())
            .out()
            .split("\t")[0];

    CommandRunner.Result french = run(FRENCH, "source", "purge", "--inquiry", inquiry, first);
    assertEquals(0, french.exitCode(), french.err());
    assertTrue(french.out().startsWith("1 source effacée : 0 segment, 0 codage, "), french.out());
    assertTrue(french.out().contains("1 fichier stocké supprimé"), french.out());

    CommandRunner.Result english = run(ENGLISH, "source", "purge", "--inquiry", inquiry, second);
    assertTrue(
        english.out().startsWith("1 source(s) purged: 0 segment(s), 0 coding(s), 0 memo(s)"),
        english.out());
    assertTrue(english.out().endsWith("; 1 stored file(s) removed\n"), english.out());
  }

  @Test
  void accountsMembersAndTokensAreToldInFrenchAndInEnglishAsBefore() {
    CommandRunner.Result added =
        run(withPassword(FRENCH), "user", "add", "camille", "--admin", "--display-name", "Camille");
    assertTrue(
        added.out().matches("Utilisateur camille créé \\(id \\d+\\), administrateur\n"),
        added.out());
    CommandRunner.Result english = run(withPassword(ENGLISH), "user", "add", "sam");
    assertTrue(english.out().matches("User sam created \\(id \\d+\\)\n"), english.out());
    assertEquals("Utilisateur sam désactivé\n", run(FRENCH, "user", "disable", "sam").out());
    assertEquals("User sam enabled\n", run(ENGLISH, "user", "enable", "sam").out());
    assertEquals("Utilisateur sam activé\n", run(FRENCH, "user", "enable", "sam").out());
    assertEquals(
        "Mot de passe de sam changé\n", run(withPassword(FRENCH), "user", "password", "sam").out());
    assertEquals("\tsam\tsam\t-\tenabled", tail(run(FRENCH, "user", "list").out(), "sam"));

    String inquiry = run(FRENCH, "inquiry", "create", "Équipe").out().strip();
    assertEquals(
        "sam est codeur de l’enquête " + inquiry + "\n",
        run(FRENCH, "member", "add", "--inquiry", inquiry, "--user", "sam", "--role", "coder")
            .out());
    assertEquals(
        "sam is coder of inquiry " + inquiry + "\n",
        run(ENGLISH, "member", "add", "--inquiry", inquiry, "--user", "sam", "--role", "coder")
            .out());
    assertEquals(
        "sam retiré de l’enquête " + inquiry + "\n",
        run(FRENCH, "member", "remove", "--inquiry", inquiry, "--user", "sam").out());

    CommandRunner.Result token = run(FRENCH, "token", "create", "--user", "sam");
    assertEquals(0, token.exitCode(), token.err());
    assertTrue(
        token.err().matches("Jeton (\\d+) pour sam, sans expiration\\. Il n’est montré .*\n"),
        token.err());
    String tokenId = token.err().split(" ")[1];
    assertEquals("Jeton " + tokenId + " révoqué\n", run(FRENCH, "token", "revoke", tokenId).out());
    CommandRunner.Result again = run(ENGLISH, "token", "create", "--user", "sam");
    assertTrue(
        again
            .err()
            .endsWith(", without expiry. It is shown this once: keep it as safe as a password.\n"),
        again.err());
  }

  @Test
  void searchAndReindexCountInFrench() throws Exception {
    String inquiry = run(FRENCH, "inquiry", "create", "Recherche").out().strip();
    Path note = temp.resolve("note.txt");
    Files.writeString(note, "Le comité a refusé l’accès aux données brutes.\n");
    run(FRENCH, "source", "import", "--inquiry", inquiry, note.toString());

    CommandRunner.Result search = run(FRENCH, "search", "--inquiry", inquiry, "comité");
    assertEquals(0, search.exitCode(), search.err());
    assertTrue(search.out().startsWith("note\t"), search.out());
    assertEquals("1 occurrence dans 1 document ; affichées : 1-1\n", search.err());
    assertEquals(
        "1 hits in 1 documents; showing 1-1\n",
        run(ENGLISH, "search", "--inquiry", inquiry, "comité").err());

    CommandRunner.Result reindex = run(FRENCH, "reindex", "--inquiry", inquiry);
    assertTrue(reindex.out().matches("\\d+ documents? indexés? en \\d+ ms\n"), reindex.out());
  }

  @Test
  void aDeletedJourneyQueryIsToldInFrench() {
    String inquiry = run(FRENCH, "inquiry", "create", "Parcours").out().strip();
    CommandRunner.Result saved =
        run(
            FRENCH,
            "journey",
            "query",
            "--inquiry",
            inquiry,
            "--kind",
            "choice",
            "--save",
            "Usages");
    assertEquals(0, saved.exitCode(), saved.err());
    assertEquals(
        "Requête Usages supprimée\n",
        run(FRENCH, "journey", "queries", "--inquiry", inquiry, "--delete", "Usages").err());
  }

  private static String tail(String lines, String login) {
    return lines
        .lines()
        .filter(l -> l.contains("\t" + login + "\t"))
        .map(l -> l.substring(l.indexOf('\t')))
        .findFirst()
        .orElse("");
  }

  @Test
  void theDiffRefusesInFrenchAndInEnglishAsBefore() throws Exception {
    Path table = temp.resolve("table.csv");
    Files.writeString(table, "id,site\n1,Lyon\n2,Brest\n");
    Path garbage = temp.resolve("garbage.csv");
    Files.write(garbage, new byte[] {0, 1, 2, 3, 'a', 0, 0, 7});
    Path fake = temp.resolve("fake.xlsx");
    Files.write(fake, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
    Path word = temp.resolve("truncated.docx");
    Files.write(word, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
    Path empty = temp.resolve("empty.txt");
    Files.writeString(empty, "");
    String missing = temp.resolve("missing.csv").toString();
    Map<String, String> french =
        Map.of(
            missing,
            "Fichier introuvable : " + missing,
            garbage.toString(),
            "garbage.csv n’est pas une table en texte : il contient des données binaires",
            fake.toString(),
            "Impossible d’ouvrir le classeur fake.xlsx",
            word.toString(),
            "truncated.docx est un document Word, pas une table",
            empty.toString(),
            "empty.txt est vide : il ne contient aucune table à comparer");
    for (Map.Entry<String, String> refusal : french.entrySet()) {
      CommandRunner.Result result = run(FRENCH, "diff", refusal.getKey(), table.toString());
      assertEquals(2, result.exitCode(), result.err());
      assertEquals("fabrique diff: " + refusal.getValue() + "\n", result.err());
    }
    CommandRunner.Result key =
        run(FRENCH, "diff", table.toString(), table.toString(), "--key", "nope");
    assertEquals(
        "fabrique diff: La colonne clé « nope » n’est pas dans les deux versions\n", key.err());
    assertEquals(
        "fabrique diff: The key column 'nope' is not in both versions\n",
        run(ENGLISH, "diff", table.toString(), table.toString(), "--key", "nope").err());
    assertEquals(
        "fabrique diff: No such file: " + missing + "\n",
        run(ENGLISH, "diff", missing, table.toString()).err());
    assertEquals(
        "fabrique diff: garbage.csv is not a text table: it holds binary content\n",
        run(ENGLISH, "diff", garbage.toString(), table.toString()).err());
  }
}
