package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  @TempDir Path temp;

  private record Result(int exitCode, String out, String err) {}

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(args));
    if (all.size() > 0
        && !all.contains("--help")
        && !all.get(0).equals("help")
        && !all.get(0).equals("diff")) {
      all.add("--data");
      all.add(temp.resolve("data").toString());
    }
    int code =
        FabriqueCommand.run(
            all.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void createsListsAndImportsIntoAnInquiry() throws Exception {
    Result created = run("inquiry", "create", "Cohort reuse");
    assertEquals(0, created.exitCode(), created.err());
    String id = created.out().strip();

    Result listed = run("inquiry", "list");
    assertTrue(listed.out().contains(id + "\tCohort reuse\t"), listed.out());

    Path note = temp.resolve("note.txt");
    Files.writeString(note, "The steward explained how the extract was pseudonymised.\n");
    Result imported = run("source", "import", "--inquiry", id, note.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    assertTrue(imported.out().endsWith("\tnote.txt\n"), imported.out());

    Result sources = run("source", "list", "--inquiry", id);
    assertTrue(sources.out().contains("\tdocument\ten\t"), sources.out());
  }

  @Test
  void aBatchImportReportsTheBadFileAndKeepsTheGoodOnes() throws Exception {
    String id = run("inquiry", "create", "Batch").out().strip();
    Path good = temp.resolve("good.md");
    Files.writeString(good, "# Notes\n\nA field note about consent.\n");
    Path empty = temp.resolve("empty.txt");
    Files.writeString(empty, "");
    Result result = run("source", "import", "--inquiry", id, empty.toString(), good.toString());
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("empty.txt"), result.err());
    assertTrue(result.out().contains("\tgood.md"), result.out());
    assertEquals(1, run("source", "list", "--inquiry", id).out().lines().count());
  }

  @Test
  void anUnknownInquiryIsRefusedWithExitCodeTwo() {
    Result result = run("source", "list", "--inquiry", "999999");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("There is no inquiry 999999"), result.err());
    Result export =
        run("codings", "export", "--inquiry", "999999", temp.resolve("x.csv").toString());
    assertEquals(2, export.exitCode());
    assertTrue(export.err().contains("There is no inquiry 999999"), export.err());
  }

  @Test
  void badUsageExitsWithTwo() {
    Result result = run("inquiry", "create");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("Missing required parameter"), result.err());
  }

  @Test
  void anInquiryIsRenamedAndTheRenamingUndone() {
    String id = run("inquiry", "create", "Cohort", "--description", "First wave").out().strip();
    assertEquals(
        id + "\tCohort reuse\n", run("inquiry", "rename", "--inquiry", id, "Cohort reuse").out());
    assertTrue(run("inquiry", "list").out().contains(id + "\tCohort reuse\t"));
    assertTrue(
        run("history", "show", "--inquiry", id)
            .out()
            .contains("\tRenamed the inquiry “Cohort” → “Cohort reuse”\n"));
    assertTrue(run("history", "undo", "--inquiry", id).out().startsWith("Undone: "));
    assertTrue(run("inquiry", "list").out().contains(id + "\tCohort\t"));
    assertEquals(2, run("inquiry", "rename", "--inquiry", id, " ").exitCode());
  }

  @Test
  void undoAndRedoWorkFromTheCommandLine() throws Exception {
    String id = run("inquiry", "create", "Undo").out().strip();
    Path note = temp.resolve("n.txt");
    Files.writeString(note, "A short note.\n");
    run("source", "import", "--inquiry", id, note.toString());
    assertEquals(1, run("source", "list", "--inquiry", id).out().lines().count());
    assertTrue(run("history", "undo", "--inquiry", id).out().startsWith("Undone: "));
    assertEquals(0, run("source", "list", "--inquiry", id).out().lines().count());
    assertTrue(run("history", "redo", "--inquiry", id).out().startsWith("Redone: "));
    assertEquals(1, run("source", "list", "--inquiry", id).out().lines().count());
    assertEquals("Nothing to redo\n", run("history", "redo", "--inquiry", id).out());
  }

  @Test
  void diffExitsWithZeroOneOrTwo() throws Exception {
    Path old = temp.resolve("old.csv");
    Path same = temp.resolve("same.csv");
    Path changed = temp.resolve("new.csv");
    Files.writeString(old, "id,age,site\n1,34,A\n2,71,B\n3,52,A\n");
    Files.writeString(same, "id,age,site\n1,34,A\n2,71,B\n3,52,A\n");
    Files.writeString(changed, "id,age,site\n1,34,A\n2,71,B\n");
    assertEquals(0, run("diff", old.toString(), same.toString()).exitCode());
    Result differ =
        run("diff", old.toString(), changed.toString(), "--key", "id", "--format", "md");
    assertEquals(1, differ.exitCode(), differ.err());
    assertTrue(differ.out().contains("#"), differ.out());
    assertEquals(2, run("diff", old.toString(), temp.resolve("missing.csv").toString()).exitCode());
  }

  @Test
  void filesOverTheSizeLimitAreRefusedWithTheLimitInTheMessage() throws Exception {
    String id = run("inquiry", "create", "Limits").out().strip();
    Path big = temp.resolve("big.txt");
    Files.writeString(big, "A long field note. ".repeat(70_000));
    Result refused =
        run("source", "import", "--inquiry", id, "--max-file-size", "1", big.toString());
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("big.txt is too large"), refused.err());
    assertEquals(0, run("source", "import", "--inquiry", id, big.toString()).exitCode());
    assertEquals(2, run("source", "list", "--inquiry", id, "--max-file-size", "0").exitCode());
  }
}
