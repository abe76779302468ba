package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fabrique journey actors list|import: categories set from a spreadsheet, all or nothing. */
class ActorsCommandTest {
  @TempDir Path temp;
  private CommandRunner cli;
  private String inquiry;

  @BeforeEach
  void inquiry() {
    cli = new CommandRunner(temp.resolve("data"));
    inquiry = cli.run("inquiry", "create", "Acteurs").out().strip();
  }

  private Path file(String name, String content) throws Exception {
    Path file = temp.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private String list(String... more) {
    List<String> args = new ArrayList<>(List.of("journey", "actors", "list", "--inquiry", inquiry));
    args.addAll(List.of(more));
    CommandRunner.Result result = cli.run(args.toArray(String[]::new));
    assertEquals(0, result.exitCode(), result.err());
    return result.out();
  }

  @Test
  void aFrenchSpreadsheetSetsCategoriesAndAnEditedListIsReadBack() throws Exception {
    // a French spreadsheet saved as CSV: semicolons, a BOM, French headers and labels
    Path table =
        file(
            "acteurs.csv",
            "\uFEFFPseudonyme;Type;Catégorie;Institution;Nom réel\r\n"
                + "DPO-1;personne;délégué à la protection des données;CHU A;Marie Canari\r\n"
                + "Comité-X;comité;comité d'éthique;CPP Sud;\r\n"
                + "Stat-2;person;statisticienne;Inserm;\r\n"
                + "Cherch-3;personne;chercheuse;CNRS;\r\n");
    CommandRunner.Result imported =
        cli.run("journey", "actors", "import", "--inquiry", inquiry, table.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    assertEquals("4 created, 0 updated, 0 unchanged", imported.out().strip());

    String listed = list();
    assertTrue(listed.startsWith("pseudonym,type,category,institution\r\n"), listed);
    assertTrue(listed.contains("Comité-X,committee,ethics-committee,CPP Sud"), listed);
    assertTrue(listed.contains("DPO-1,person,data-protection-officer,CHU A"), listed);
    assertTrue(listed.contains("Stat-2,person,statistician,Inserm"), listed);
    assertTrue(listed.contains("Cherch-3,person,researcher,CNRS"), "inclusive French: " + listed);
    assertFalse(listed.contains("Canari"), "real names only when asked: " + listed);
    assertTrue(
        list("--real-names").contains("DPO-1,person,data-protection-officer,CHU A,Marie Canari"));

    // the list, completed in a spreadsheet, goes back in: one change, real names kept
    Path edited =
        file(
            "edited.csv",
            listed.replace(
                "Stat-2,person,statistician,Inserm", "Stat-2,person,bioinformatician,Inserm"));
    CommandRunner.Result again =
        cli.run("journey", "actors", "import", "--inquiry", inquiry, edited.toString());
    assertEquals("0 created, 1 updated, 3 unchanged", again.out().strip(), again.err());
    assertTrue(list().contains("Stat-2,person,bioinformatician,Inserm"));
    assertTrue(
        list("--real-names").contains("Marie Canari"),
        "a table without the column keeps real names");

    // each import is one action of the history
    assertTrue(cli.run("history", "undo", "--inquiry", inquiry).out().startsWith("Undone: "));
    assertTrue(list().contains("Stat-2,person,statistician,Inserm"));
    assertTrue(cli.run("history", "undo", "--inquiry", inquiry).out().startsWith("Undone: "));
    assertEquals("pseudonym,type,category,institution", list().strip());
    String audit = cli.run("audit", "list", "--inquiry", inquiry).out();
    assertTrue(audit.contains("actors"), "lists are exports, in the audit log: " + audit);
    assertFalse(audit.contains("Canari"), audit);
  }

  @Test
  void aTableWithMistakesNamesEveryLineAndChangesNothing() throws Exception {
    Path table =
        file(
            "actors.csv",
            "pseudonym,category\n"
                + "A,researcher\n"
                + "B,astrologer\n"
                + "a,lawyer\n"
                + ",clinician\n");
    CommandRunner.Result result =
        cli.run("journey", "actors", "import", "--inquiry", inquiry, table.toString());
    assertEquals(FabriqueCommand.BAD_INPUT, result.exitCode());
    assertTrue(result.err().contains("3 lines need correcting"), result.err());
    assertTrue(
        result.err().contains("line 3, column category: Unknown actor category \"astrologer\""),
        result.err());
    assertTrue(
        result.err().contains("line 4, column pseudonym: The pseudonym is already on line 2"),
        result.err());
    assertTrue(
        result.err().contains("line 5, column pseudonym: An actor needs a pseudonym"),
        result.err());
    assertEquals("pseudonym,type,category,institution", list().strip(), "nothing was created");
  }

  @Test
  void filesThatAreNoTableOfActorsAreRefusedWithTheReason() throws Exception {
    Path latin1 = temp.resolve("latin1.csv");
    Files.write(latin1, "pseudonym,institution\nA,Hôpital\n".getBytes(StandardCharsets.ISO_8859_1));
    CommandRunner.Result notUtf8 =
        cli.run("journey", "actors", "import", "--inquiry", inquiry, latin1.toString());
    assertEquals(FabriqueCommand.BAD_INPUT, notUtf8.exitCode());
    assertTrue(notUtf8.err().contains("is not UTF-8 text"), notUtf8.err());

    Path noPseudonym = file("names.csv", "name,category\nA,researcher\n");
    CommandRunner.Result missing =
        cli.run("journey", "actors", "import", "--inquiry", inquiry, noPseudonym.toString());
    assertEquals(FabriqueCommand.BAD_INPUT, missing.exitCode());
    assertTrue(missing.err().contains("no \"pseudonym\" column"), missing.err());

    Path fake = file("fake.xlsx", "not a workbook");
    CommandRunner.Result broken =
        cli.run("journey", "actors", "import", "--inquiry", inquiry, fake.toString());
    assertEquals(FabriqueCommand.BAD_INPUT, broken.exitCode(), broken.err());
    assertTrue(broken.err().contains("cannot be read as an .xlsx workbook"), broken.err());

    CommandRunner.Result absent =
        cli.run(
            "journey",
            "actors",
            "import",
            "--inquiry",
            inquiry,
            temp.resolve("none.csv").toString());
    assertEquals(FabriqueCommand.BAD_INPUT, absent.exitCode());
  }

  @Test
  void aWorkbookIsReadFromItsFirstSheet() throws Exception {
    Path xlsx = temp.resolve("actors.xlsx");
    try (OutputStream out = Files.newOutputStream(xlsx)) {
      Workbook workbook = new Workbook(out, "test", "1.0");
      Worksheet sheet = workbook.newWorksheet("Acteurs");
      String[][] cells = {
        {"Institution", "Pseudonym", "Category", "Type"},
        {"ARS", "Reg-1", "regulator", "organisation"},
        {"", "Tool-1", "software", "software"}
      };
      for (int r = 0; r < cells.length; r++) {
        for (int c = 0; c < cells[r].length; c++) {
          sheet.value(r, c, cells[r][c]);
        }
      }
      workbook.finish();
    }
    CommandRunner.Result imported =
        cli.run("journey", "actors", "import", "--inquiry", inquiry, xlsx.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    String listed = list();
    assertTrue(listed.contains("Reg-1,organisation,regulator,ARS"), listed);
    assertTrue(listed.contains("Tool-1,software,software,"), listed);
  }
}
