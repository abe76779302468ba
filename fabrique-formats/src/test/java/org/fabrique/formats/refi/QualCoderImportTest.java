package org.fabrique.formats.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.core.exchange.QdaExchange;
import org.fabrique.store.exchange.SqliteForeignDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QualCoder's own project folder (refi/qualcoder/make-qualcoder-project.py writes it from the
 * published schema) becomes an inquiry with everything it holds, and the same data-loss report.
 */
class QualCoderImportTest {
  @TempDir Path folder;

  private Path project() {
    try {
      Path from =
          Path.of(QualCoderImportTest.class.getResource("/refi/qualcoder/Fieldwork.qda").toURI());
      Path to = folder.resolve("Fieldwork.qda");
      try (Stream<Path> files = Files.walk(from)) {
        for (Path file : files.toList()) {
          Path target = to.resolve(from.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(target);
          } else {
            Files.copy(file, target);
          }
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private ImportedProject importProject(TestWorkbench bench, Path path) {
    return bench
        .fabrique
        .qda()
        .importProject(path, Optional.empty(), bench.user.id(), ImportProgress.NONE);
  }

  @Test
  void aQualCoderProjectFolderBecomesAnInquiryWithEverythingItHolds() throws IOException {
    TestWorkbench bench = new TestWorkbench(folder, SqliteForeignDatabase::open);
    Path project = project();
    ImportedProject imported = importProject(bench, project);
    String report = imported.report().toMarkdown();
    Snapshot snapshot = Snapshot.of(bench.fabrique, imported.inquiryId());
    assertEquals("Fieldwork", snapshot.name());
    assertEquals("  A study of registry reuse.\n", snapshot.description());
    assertEquals(
        List.of(
            "Governance #0072b2 codable=false [Rules the data fall under] #0",
            "Governance/Aggregation #04b431 codable=true [] #1",
            "Governance/Consent matters #e69f00 codable=false [] #0",
            "Governance/Consent matters/Presumed consent #81bef7 codable=true [] #0",
            "Governance/Consent matters/Presumed consent/Opt-out #9f81f7 codable=true"
                + " [A letter to refuse] #0",
            "Pseudonymisation #f8e0e0 codable=true [Identifiers replaced] #1",
            "Pseudonymisation/Linkage #fe9a2e codable=true [] #0"),
        snapshot.codes().stream().sorted().toList(),
        report);
    JsonNode expected =
        new ObjectMapper()
            .readTree(
                QualCoderImportTest.class.getResourceAsStream(
                    "/refi/qualcoder/Fieldwork.expected.json"));
    List<String> quotes =
        snapshot.segments().stream().map(s -> s.substring(s.indexOf(") ") + 2)).toList();
    for (Map.Entry<String, JsonNode> quote : expected.get("quotes").properties()) {
      assertTrue(quotes.contains(quote.getValue().asText()), quote + " in " + quotes);
    }
    assertEquals(expected.get("codings").asInt(), imported.report().counts().get("codings"));
    assertTrue(
        snapshot.codings().stream().anyMatch(c -> c.endsWith("Pseudonymisation/Linkage by bruno")),
        snapshot.codings().toString());
    assertTrue(snapshot.memos().stream().anyMatch(m -> m.contains("Day one | Met the steward.")));
    assertTrue(
        snapshot.memos().stream().anyMatch(m -> m.contains("Check with the manager")),
        "the annotation is a memo on its passage: " + snapshot.memos());
    assertTrue(snapshot.memos().stream().anyMatch(m -> m.contains("note on it")));
    assertEquals(
        List.of("Committee other []", "Registry A other [The regional registry]"),
        snapshot.cases());
    assertTrue(
        snapshot.values().contains("Region of Registry A = North"), snapshot.values().toString());
    assertTrue(
        snapshot.values().stream().anyMatch(v -> v.startsWith("Participants of Interview P1 P2")),
        snapshot.values().toString());
    assertEquals(
        Map.of("sources", 1, "selections", 1, "codings", 1), imported.report().lost(), report);
    assertTrue(
        imported.report().summary().startsWith("1 of 6 codings lost"),
        "the picture's coding is counted first: " + imported.report().summary());
    assertEquals("Import of a QualCoder project", imported.report().operation());
    assertTrue(report.contains("PictureSource"), report);
    assertTrue(Files.exists(QdaExchange.reportPath(project)), "the report is beside the folder");
  }

  @Test
  void anExportOfTheImportedProjectReadsBackWithTheSameCountsAndQuotes() {
    TestWorkbench bench = new TestWorkbench(folder, SqliteForeignDatabase::open);
    ImportedProject first = importProject(bench, project());
    Path exported = folder.resolve("Fieldwork.qdpx");
    bench.fabrique.qda().exportProject(first.inquiryId(), exported, ImportProgress.NONE);
    Schemas.checkProject(exported);
    ImportedProject second = importProject(bench, exported);
    assertEquals(first.report().counts(), second.report().counts(), second.report().toMarkdown());
    assertEquals(
        Snapshot.of(bench.fabrique, first.inquiryId()),
        Snapshot.of(bench.fabrique, second.inquiryId()),
        "the same quotes, codes, coders, memos, cases and values");
    assertTrue(second.report().lossless(), second.report().toMarkdown());
  }

  @Test
  void itsDatabaseFileImportsTheSameAsItsFolder() {
    TestWorkbench bench = new TestWorkbench(folder, SqliteForeignDatabase::open);
    Path project = project();
    ImportedProject fromFolder = importProject(bench, project);
    ImportedProject fromFile = importProject(bench, project.resolve("data.qda"));
    assertEquals(fromFolder.report().counts(), fromFile.report().counts());
  }

  @Test
  void aBuildWithoutADatabaseReaderSaysSo() {
    TestWorkbench bench = new TestWorkbench(folder);
    InvalidInputException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInputException.class, () -> importProject(bench, project()));
    assertTrue(refused.getMessage().contains("cannot read database files"), refused.getMessage());
  }

  @Test
  void aFileNamedDataQdaThatIsNotADatabaseIsRefused() throws IOException {
    TestWorkbench bench = new TestWorkbench(folder, SqliteForeignDatabase::open);
    Path fake = Files.createDirectories(folder.resolve("Fake.qda")).resolve("data.qda");
    Files.writeString(fake, "not a database");
    InvalidInputException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInputException.class, () -> importProject(bench, fake));
    assertTrue(refused.getMessage().contains("is not a SQLite database"), refused.getMessage());
  }
}
