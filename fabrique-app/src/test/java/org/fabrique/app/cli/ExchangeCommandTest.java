package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.fabrique.core.testing.RefiProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REFI-QDA commands, end to end on the embedded SQLite store. */
class ExchangeCommandTest {
  private static final String PROJECT =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <Project xmlns="urn:QDA-XML:project:1.0" name="Registry">
        <Users><User guid="aaaaaaaa-0000-4000-8000-000000000001" name="Ana" id="ana"/></Users>
        <CodeBook><Codes>
          <Code guid="c0000000-0000-4000-8000-000000000001" name="Consent" isCodable="true" color="#ff0000"/>
        </Codes></CodeBook>
        <Sources>
          <TextSource guid="50000000-0000-4000-8000-000000000001" name="Interview"
              plainTextPath="internal://50000000-0000-4000-8000-000000000001.txt">
            <PlainTextSelection guid="60000000-0000-4000-8000-000000000001" name="Consent"
                startPosition="0" endPosition="7">
              <Coding guid="70000000-0000-4000-8000-000000000001"
                  creatingUser="aaaaaaaa-0000-4000-8000-000000000001">
                <CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/>
              </Coding>
            </PlainTextSelection>
          </TextSource>
        </Sources>
        <Sets><Set guid="a0000000-0000-4000-8000-000000000001" name="Core">
          <MemberCode targetGUID="c0000000-0000-4000-8000-000000000001"/>
        </Set></Sets>
      </Project>
      """;

  @TempDir Path temp;

  private CommandRunner.Result run(String... args) {
    return new CommandRunner(temp.resolve("data")).run(args);
  }

  private CommandRunner.Result inFrench(String... args) {
    return new CommandRunner(temp.resolve("data")).runWith(Map.of("FABRIQUE_LANG", "fr"), args);
  }

  private Path project() throws Exception {
    Path file = temp.resolve("registry.qdpx");
    Files.write(
        file, RefiProjects.qdpx(PROJECT, Map.of(RefiProjects.SOURCE, "Consent was presumed.\r\n")));
    return file;
  }

  /** A project with an entry that would be written outside its folder. */
  private Path slip() throws Exception {
    Path file = temp.resolve("slip.qdpx");
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("project.qde"));
      zip.write(PROJECT.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("../evil.txt"));
      zip.write(1);
      zip.closeEntry();
    }
    return file;
  }

  @Test
  void aProjectIsImportedExportedAndItsCodebookExchanged() throws Exception {
    CommandRunner.Result imported =
        run("qdpx", "import", project().toString(), "--name", "From NVivo");
    assertEquals(0, imported.exitCode(), imported.err());
    String id = imported.out().strip();
    assertTrue(id.matches("\\d+"), imported.out());
    assertTrue(imported.err().contains("registry.qdpx.report.md"), imported.err());
    assertTrue(Files.exists(temp.resolve("registry.qdpx.report.md")));
    assertTrue(run("inquiry", "list").out().contains(id + "\tFrom NVivo\t"));

    Path exported = temp.resolve("out.qdpx");
    CommandRunner.Result export = run("qdpx", "export", "--inquiry", id, exported.toString());
    assertEquals(0, export.exitCode(), export.err());
    try (ZipFile zip = new ZipFile(exported.toFile())) {
      String qde =
          new String(
              zip.getInputStream(zip.getEntry("project.qde")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertTrue(qde.contains("guid=\"c0000000-0000-4000-8000-000000000001\""), qde);
      assertTrue(qde.contains("startPosition=\"0\" endPosition=\"7\""), qde);
      assertTrue(zip.getEntry("sources/50000000-0000-4000-8000-000000000001.txt") != null);
    }

    Path codebook = temp.resolve("codes.qdc");
    assertEquals(0, run("qdc", "export", "--inquiry", id, codebook.toString()).exitCode());
    assertTrue(Files.readString(codebook).contains("<MemberCode guid="));
    String other = run("inquiry", "create", "Other").out().strip();
    CommandRunner.Result codes = run("qdc", "import", "--inquiry", other, codebook.toString());
    assertEquals(0, codes.exitCode(), codes.err());
    assertTrue(Files.readString(temp.resolve("codes.qdc.report.md")).contains("- codes: 1"));
  }

  @Test
  void aHostileProjectIsRefusedWithExitCodeTwo() throws Exception {
    Path file = slip();
    CommandRunner.Result result = run("qdpx", "import", file.toString());
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("zip slip"), result.err());
    assertEquals("", run("inquiry", "list").out());
  }

  @Test
  void anExchangeTellsItsOutcomeAndWritesItsReportInFrenchForAFrenchUser() throws Exception {
    Path file = temp.resolve("registre.qdpx");
    Files.write(file, RefiProjects.withWarnings());
    CommandRunner.Result imported = inFrench("qdpx", "import", file.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    assertTrue(imported.err().startsWith("Importation d’un projet REFI-QDA : "), imported.err());
    assertTrue(imported.err().contains("dans le rapport ; rapport dans "), imported.err());
    String report = Files.readString(temp.resolve("registre.qdpx.report.md"));
    assertTrue(report.startsWith("# Importation d’un projet REFI-QDA : registre.qdpx\n"), report);
    assertTrue(report.contains("\n## Transmis\n"), report);
    assertTrue(report.contains("\n## Non transmis (1)\n"), report);
    assertTrue(report.contains("\n## Modifié ("), report);
    assertTrue(report.contains("- codes : 2\n"), report);
    assertTrue(report.contains("n’a pas de GUID"), report);
    assertTrue(report.contains(RefiProjects.UNKNOWN_CODE), "data stays as it is: " + report);
    assertFalse(report.contains("## Carried"), report);

    String id = imported.out().strip();
    Path codebook = temp.resolve("codes.qdc");
    CommandRunner.Result exported = inFrench("qdc", "export", "--inquiry", id, codebook.toString());
    assertEquals(0, exported.exitCode(), exported.err());
    assertTrue(
        exported.err().startsWith("Exportation du livre de codes en REFI-QDA : "), exported.err());
    assertTrue(
        Files.readString(temp.resolve("codes.qdc.report.md"))
            .startsWith("# Exportation du livre de codes en REFI-QDA : codes.qdc\n"));
  }

  @Test
  void anEnglishUserReadsTheExchangeAsBefore() throws Exception {
    Path file = temp.resolve("registre.qdpx");
    Files.write(file, RefiProjects.withWarnings());
    CommandRunner.Result imported = run("qdpx", "import", file.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    assertTrue(
        imported.err().startsWith("Import of a REFI-QDA project: 1 of 1 codings lost"),
        imported.err());
    assertTrue(imported.err().contains(" listed in the report; report in "), imported.err());
    String report = Files.readString(temp.resolve("registre.qdpx.report.md"));
    assertTrue(report.startsWith("# Import of a REFI-QDA project: registre.qdpx\n"), report);
    assertTrue(report.contains("\n## Carried\n"), report);
    assertTrue(report.contains("\n## Not carried (1)\n"), report);
    assertTrue(report.contains("has no GUID"), report);
  }

  @Test
  void theReportOfARefusedFileIsInTheUsersLanguage() throws Exception {
    Path file = slip();
    CommandRunner.Result refused = inFrench("qdpx", "import", file.toString());
    assertEquals(2, refused.exitCode());
    String report = Files.readString(temp.resolve("slip.qdpx.report.md"));
    assertTrue(report.startsWith("# Importation d’un projet REFI-QDA : slip.qdpx\n"), report);
    assertTrue(report.contains("Rien n’a été importé."), report);
    assertTrue(report.contains("\n## Non transmis (1)\n"), report);
  }
}
