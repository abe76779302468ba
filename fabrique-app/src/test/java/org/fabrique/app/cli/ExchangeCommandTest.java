package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
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

  private record Result(int exitCode, String out, String err) {}

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data");
    all.add(temp.resolve("data").toString());
    int code =
        FabriqueCommand.run(
            all.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path project() throws Exception {
    Path file = temp.resolve("registry.qdpx");
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("project.qde"));
      zip.write(PROJECT.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("sources/50000000-0000-4000-8000-000000000001.txt"));
      zip.write("Consent was presumed.\r\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }

  @Test
  void aProjectIsImportedExportedAndItsCodebookExchanged() throws Exception {
    Result imported = run("qdpx", "import", project().toString(), "--name", "From NVivo");
    assertEquals(0, imported.exitCode(), imported.err());
    String id = imported.out().strip();
    assertTrue(id.matches("\\d+"), imported.out());
    assertTrue(imported.err().contains("registry.qdpx.report.md"), imported.err());
    assertTrue(Files.exists(temp.resolve("registry.qdpx.report.md")));
    assertTrue(run("inquiry", "list").out().contains(id + "\tFrom NVivo\t"));

    Path exported = temp.resolve("out.qdpx");
    Result export = run("qdpx", "export", "--inquiry", id, exported.toString());
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
    Result codes = run("qdc", "import", "--inquiry", other, codebook.toString());
    assertEquals(0, codes.exitCode(), codes.err());
    assertTrue(Files.readString(temp.resolve("codes.qdc.report.md")).contains("- codes: 1"));
  }

  @Test
  void aHostileProjectIsRefusedWithExitCodeTwo() throws Exception {
    Path file = temp.resolve("slip.qdpx");
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("project.qde"));
      zip.write(PROJECT.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("../evil.txt"));
      zip.write(1);
      zip.closeEntry();
    }
    Result result = run("qdpx", "import", file.toString());
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("zip slip"), result.err());
    assertEquals("", run("inquiry", "list").out());
  }
}
