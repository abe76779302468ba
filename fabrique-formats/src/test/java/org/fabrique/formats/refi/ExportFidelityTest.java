package org.fabrique.formats.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fabrique.core.coding.Code;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.core.exchange.QdaExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export says again what came in: users, colours, descriptions, GUIDs, origin and dates. */
class ExportFidelityTest {
  private static final String DESCRIBED = "  Consent, as the informants say it.\n  Second line.  ";
  private static final String PROJECT =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
          + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Fidelity\" origin=\"NVivo 14.23.0\""
          + " creatingUserGUID=\"{AAAAAAAA-0000-4000-8000-000000000001}\""
          + " creationDateTime=\"2019-03-05T10:20:30Z\" modifiedDateTime=\"2020-01-02T03:04:05Z\">"
          + "<Users>"
          + "<User guid=\"{AAAAAAAA-0000-4000-8000-000000000001}\" name=\"Ana\" id=\"ana\"/>"
          + "<User guid=\"AAAAAAAA-0000-4000-8000-000000000002\" name=\"Bo\"/>"
          + "<User guid=\"aaaaaaaa-0000-4000-8000-000000000003\" name=\"Nobody refers to me\"/>"
          + "</Users>"
          + "<CodeBook><Codes>"
          + "<Code guid=\"{C0000000-0000-4000-8000-00000000000A}\" name=\"Consent\" isCodable=\"true\">"
          + "<Description>"
          + DESCRIBED
          + "</Description></Code>"
          + "<Code guid=\"c0000000-0000-4000-8000-00000000000b\" name=\"Privacy\" isCodable=\"true\""
          + " color=\"#123456\"/>"
          + "</Codes></CodeBook>"
          + "<Sources>"
          + "<TextSource guid=\"50000000-0000-4000-8000-000000000001\" name=\"Interview\""
          + " plainTextPath=\"internal://50000000-0000-4000-8000-000000000001.txt\""
          + " creatingUser=\"{AAAAAAAA-0000-4000-8000-000000000001}\""
          + " creationDateTime=\"2019-04-01T08:00:00Z\">"
          + "<PlainTextSelection guid=\"60000000-0000-4000-8000-000000000001\" name=\"consent\""
          + " startPosition=\"4\" endPosition=\"11\"><Coding guid=\"70000000-0000-4000-8000-000000000001\""
          + " creatingUser=\"AAAAAAAA-0000-4000-8000-000000000002\""
          + " creationDateTime=\"2019-04-02T09:00:00Z\">"
          + "<CodeRef targetGUID=\"{C0000000-0000-4000-8000-00000000000A}\"/></Coding>"
          + "</PlainTextSelection></TextSource>"
          + "<TextSource guid=\"50000000-0000-4000-8000-000000000002\" name=\"Empty notes\""
          + " plainTextPath=\"internal://50000000-0000-4000-8000-000000000002.txt\""
          + " creatingUser=\"{AAAAAAAA-0000-4000-8000-000000000001}\"/>"
          + "</Sources></Project>";

  @TempDir Path folder;
  private TestWorkbench bench;
  private ImportedProject imported;
  private Path exported;
  private String xml;

  @BeforeEach
  void importAndExport() throws IOException {
    Path file = folder.resolve("fidelity.qdpx");
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("project.qde"));
      zip.write(PROJECT.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("sources/50000000-0000-4000-8000-000000000001.txt"));
      zip.write("The consent form was signed.".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("sources/50000000-0000-4000-8000-000000000002.txt"));
      zip.closeEntry();
    }
    bench = new TestWorkbench(folder);
    imported =
        bench
            .fabrique
            .qda()
            .importProject(file, Optional.empty(), bench.user.id(), ImportProgress.NONE);
    exported = folder.resolve("out.qdpx");
    bench.fabrique.qda().exportProject(imported.inquiryId(), exported, ImportProgress.NONE);
    Schemas.checkProject(exported);
    xml = ExportRoundTripTest.qde(exported);
  }

  @Test
  void everyUserIsExportedEvenThoseNothingRefersTo() {
    assertTrue(xml.contains("name=\"Nobody refers to me\""), xml);
    assertEquals(3, xml.split("<User ").length - 1, xml);
  }

  @Test
  void aCodeWithoutAColourIsExportedWithoutOneUntilSomeoneChoosesOne() {
    assertTrue(xml.contains("name=\"Consent\" isCodable=\"true\">"), xml);
    assertTrue(xml.contains("color=\"#123456\""), xml);
    Code consent =
        bench.fabrique.coding().codes(imported.inquiryId()).stream()
            .filter(c -> c.name().equals("Consent"))
            .findFirst()
            .orElseThrow();
    bench
        .fabrique
        .coding()
        .updateCode(
            bench.user.id(), consent.id(), "Consent", "#ff0000", consent.description(), true);
    Path again = folder.resolve("again.qdpx");
    bench.fabrique.qda().exportProject(imported.inquiryId(), again, ImportProgress.NONE);
    assertTrue(ExportRoundTripTest.qde(again).contains("color=\"#ff0000\""));
  }

  @Test
  void descriptionsAreExportedByteForByte() {
    assertTrue(xml.contains("<Description>" + DESCRIBED + "</Description>"), xml);
  }

  @Test
  void guidsAreExportedAsTheyWereReceived() {
    assertTrue(xml.contains("guid=\"{AAAAAAAA-0000-4000-8000-000000000001}\""), xml);
    assertTrue(xml.contains("guid=\"AAAAAAAA-0000-4000-8000-000000000002\""), xml);
    assertTrue(xml.contains("guid=\"{C0000000-0000-4000-8000-00000000000A}\""), xml);
    assertTrue(xml.contains("targetGUID=\"{C0000000-0000-4000-8000-00000000000A}\""), xml);
    assertTrue(xml.contains("creatingUser=\"AAAAAAAA-0000-4000-8000-000000000002\""), xml);
  }

  @Test
  void theProjectKeepsItsDatesAndTheReportItsOrigin() {
    assertTrue(xml.contains("creationDateTime=\"2019-03-05T10:20:30Z\""), xml);
    assertTrue(xml.contains("modifiedDateTime=\"2020-01-02T03:04:05Z\""), xml);
    assertTrue(xml.contains("creatingUserGUID=\"{AAAAAAAA-0000-4000-8000-000000000001}\""), xml);
    assertTrue(xml.contains("origin=\"Fabrique\""), xml);
    assertTrue(xml.contains("creationDateTime=\"2019-04-01T08:00:00Z\""), "the source's date");
    assertTrue(xml.contains("creationDateTime=\"2019-04-02T09:00:00Z\""), "the coding's date");
    String report = read(QdaExchange.reportPath(exported));
    assertTrue(report.contains("written by NVivo 14.23.0"), report);
  }

  @Test
  void anEmptySourceIsKeptThroughTheRoundTrip() {
    assertTrue(xml.contains("name=\"Empty notes\""), xml);
    ImportedProject again =
        bench
            .fabrique
            .qda()
            .importProject(exported, Optional.empty(), bench.user.id(), ImportProgress.NONE);
    assertEquals(
        List.of("Empty notes", "Interview"),
        bench.fabrique.corpus().list(again.inquiryId()).stream()
            .map(s -> s.title())
            .sorted()
            .toList());
    assertEquals(
        Snapshot.of(bench.fabrique, imported.inquiryId()),
        Snapshot.of(bench.fabrique, again.inquiryId()));
  }

  @Test
  void importingAnExportedFileDoesNotOverwriteTheExportsReport() {
    String exportReport = read(QdaExchange.reportPath(exported));
    ImportedProject again =
        bench
            .fabrique
            .qda()
            .importProject(exported, Optional.empty(), bench.user.id(), ImportProgress.NONE);
    assertEquals(exportReport, read(QdaExchange.reportPath(exported)), "left as it was");
    Path second = folder.resolve("out.qdpx.report-2.md");
    assertEquals(Optional.of(second), again.report().reportFile());
    assertTrue(read(second).startsWith("# Import of a REFI-QDA project: out.qdpx"));
    ExchangeReport exportedAgain =
        bench.fabrique.qda().exportProject(imported.inquiryId(), exported, ImportProgress.NONE);
    assertEquals(Optional.of(folder.resolve("out.qdpx.report-3.md")), exportedAgain.reportFile());
    assertTrue(
        exportedAgain.problems().stream()
            .anyMatch(p -> p.message().contains("was there and was replaced")),
        "replacing the exported file is said");
  }

  @Test
  void exportedFilesHaveThePermissionsOfAnyNewFile() throws IOException {
    Path plain = Files.createFile(folder.resolve("any-new-file"));
    PosixFileAttributeView view = Files.getFileAttributeView(plain, PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system
    }
    var expected = Files.getPosixFilePermissions(plain);
    assertEquals(expected, Files.getPosixFilePermissions(exported));
    assertEquals(expected, Files.getPosixFilePermissions(QdaExchange.reportPath(exported)));
    Path qdc = folder.resolve("codes.qdc");
    bench.fabrique.qda().exportCodebook(imported.inquiryId(), qdc);
    assertEquals(expected, Files.getPosixFilePermissions(qdc));
    assertFalse(
        Files.list(folder).anyMatch(p -> p.getFileName().toString().endsWith(".part")),
        "no partial file left behind");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
