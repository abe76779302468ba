package org.fabrique.formats.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileFilesTest {
  private static final String MINIMAL =
      "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\"><Sources><TextSource"
          + " guid=\"50000000-0000-4000-8000-000000000001\" name=\"s\""
          + " plainTextPath=\"internal://50000000-0000-4000-8000-000000000001.txt\"/>"
          + "</Sources></Project>";

  @TempDir Path folder;

  private Path zip(String name, Map<String, byte[]> entries) throws IOException {
    Path file = folder.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String refused(Path file, ArchiveLimits limits) {
    TestWorkbench bench = new TestWorkbench(folder, limits);
    InvalidInputException refusal =
        assertThrows(
            InvalidInputException.class,
            () ->
                bench
                    .fabrique
                    .qda()
                    .importProject(file, Optional.empty(), bench.user.id(), ImportProgress.NONE));
    assertEquals(List.of(), bench.fabrique.inquiries().list(), "nothing is half-imported");
    Path report = org.fabrique.core.exchange.QdaExchange.reportPath(file);
    assertTrue(Files.exists(report), "a refusal writes its report too");
    return refusal.getMessage();
  }

  private String refused(Path file) {
    return refused(file, ArchiveLimits.DEFAULT);
  }

  @Test
  void anExternalEntityIsRefusedAndNeverRead() throws IOException {
    Path secret = Files.writeString(folder.resolve("secret.txt"), "confidential");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&x;\"/>";
    String message = refused(zip("xxe.qdpx", Map.of("project.qde", utf8(xxe))));
    assertTrue(message.contains("DTD"), message);
    assertTrue(message.contains("xxe.qdpx!/project.qde:1:"), message);
  }

  @Test
  void entityExpansionIsRefused() throws IOException {
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&b;\"/>";
    Path bare = Files.writeString(folder.resolve("laughs.qde"), laughs);
    assertTrue(refused(bare).contains("DTD"));
  }

  @Test
  void anEntryPointingOutsideTheArchiveIsRefused() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("project.qde", utf8(MINIMAL));
    entries.put("../../evil.txt", utf8("x"));
    String message = refused(zip("slip.qdpx", entries));
    assertTrue(message.contains("zip slip") && message.contains("../../evil.txt"), message);
  }

  @Test
  void anEntryThatExpandsTooMuchIsRefusedAsAZipBomb() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("project.qde", utf8(MINIMAL));
    entries.put("sources/50000000-0000-4000-8000-000000000001.txt", new byte[4 * 1024 * 1024]);
    String message = refused(zip("bomb.qdpx", entries));
    assertTrue(
        message.contains("zip bomb") && message.contains("times its compressed size"), message);
  }

  @Test
  void tooManyEntriesOrTooManyBytesAreRefused() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("project.qde", utf8(MINIMAL));
    for (int i = 0; i < 10; i++) {
      entries.put("sources/file" + i + ".txt", utf8("some text " + i));
    }
    Path file = zip("many.qdpx", entries);
    assertTrue(refused(file, new ArchiveLimits(5, 1 << 20, 1 << 20, 100)).contains("11 entries"));
    assertTrue(
        refused(file, new ArchiveLimits(100, 300, 1 << 20, 100)).contains("more than 300 bytes"));
  }

  @Test
  void invalidXmlIsRefusedWithItsLineAndColumn() throws IOException {
    String broken = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">\n<Users>\n</Project>";
    String message = refused(zip("broken.qdpx", Map.of("project.qde", utf8(broken))));
    assertTrue(message.contains("broken.qdpx!/project.qde:3:"), message);
    assertTrue(message.contains("not well-formed"), message);
  }

  @Test
  void aZipWithoutAProjectOrAFileThatIsNeitherAreRefused() throws IOException {
    assertTrue(
        refused(zip("other.qdpx", Map.of("readme.txt", utf8("hello"))))
            .contains("without project.qde"));
    Path junk = Files.write(folder.resolve("junk.qdpx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    assertTrue(refused(junk).contains("neither"));
    Path codebook =
        Files.writeString(
            folder.resolve("c.qde"),
            "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"5215cc69-b628-4e02-afb9-9beeaee55808\" name=\"a\" isCodable=\"true\"/></Codes></CodeBook>");
    assertTrue(refused(codebook).contains("codebook, not a project"));
  }

  @Test
  void aMissingSourceFileOrPositionsOutsideTheTextAreReportedNotImported() throws IOException {
    String project =
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">"
            + "<CodeBook><Codes><Code guid=\"c0000000-0000-4000-8000-000000000001\" name=\"c\" isCodable=\"true\"/></Codes></CodeBook>"
            + "<Sources><TextSource guid=\"50000000-0000-4000-8000-000000000001\" name=\"s\""
            + " plainTextPath=\"internal://50000000-0000-4000-8000-000000000001.txt\">"
            + "<PlainTextSelection guid=\"60000000-0000-4000-8000-000000000001\" startPosition=\"3\" endPosition=\"900\">"
            + "<Coding guid=\"70000000-0000-4000-8000-000000000001\"><CodeRef targetGUID=\"c0000000-0000-4000-8000-000000000001\"/></Coding>"
            + "</PlainTextSelection></TextSource>"
            + "<TextSource guid=\"50000000-0000-4000-8000-000000000002\" name=\"gone\" plainTextPath=\"internal://gone.txt\"/>"
            + "</Sources></Project>";
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("project.qde", utf8(project));
    entries.put("sources/50000000-0000-4000-8000-000000000001.txt", utf8("A short text."));
    Path file = zip("partial.qdpx", entries);
    TestWorkbench bench = new TestWorkbench(folder);
    var imported =
        bench
            .fabrique
            .qda()
            .importProject(file, Optional.empty(), bench.user.id(), ImportProgress.NONE);
    assertEquals(
        Map.of("codes", 1, "sources", 1, "coders", 1),
        imported.report().counts(),
        "the source is attributed to who imports it, a coder of the inquiry");
    assertEquals(Map.of("selections", 1, "codings", 1, "sources", 1), imported.report().lost());
    var errors = imported.report().problems(org.fabrique.core.error.Problem.Severity.ERROR);
    assertTrue(errors.stream().anyMatch(p -> p.message().contains("[3, 900)")), errors.toString());
    assertTrue(
        errors.stream().anyMatch(p -> p.message().contains("gone.txt is missing")),
        errors.toString());
    assertTrue(errors.get(0).location().startsWith("partial.qdpx!/project.qde:"));
  }
}
