package org.fabrique.formats.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.core.exchange.QdaExchange;
import org.fabrique.formats.text.TikaTextExtractor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectImportTest {
  @TempDir Path folder;
  private TestWorkbench bench;

  @BeforeEach
  void setUp() {
    bench = new TestWorkbench(folder);
  }

  private ImportedProject importResource(String name) {
    Path file = TestWorkbench.resource(name, folder);
    return bench
        .fabrique
        .qda()
        .importProject(file, Optional.empty(), bench.user.id(), ImportProgress.NONE);
  }

  private static boolean mentions(
      ImportedProject imported, Problem.Severity severity, String text) {
    return imported.report().problems(severity).stream().anyMatch(p -> p.message().contains(text));
  }

  @Test
  void aRichProjectBecomesAnInquiryWithEverythingItHolds() {
    ImportedProject imported = importResource("registry-study.qdpx");
    Snapshot snapshot = Snapshot.of(bench.fabrique, imported.inquiryId());
    assertEquals("Registry study", snapshot.name());
    assertEquals("A study of a cancer registry", snapshot.description());
    assertEquals(
        List.of(
            "Governance #336699 codable=false [Rules the data fall under] #0",
            "Governance/Consent #009e73 codable=true [] #1",
            "Governance/Consent #ff0000 codable=true [] #0",
            "Pseudonymisation #00aa00 codable=true [] #1"),
        snapshot.codes());
    assertEquals(
        List.of(
            "Committee notes[77,88) aggregation",
            "Interview DM[39,68) pseudonymised the identifiers",
            "Interview DM[81,93) And consent?",
            "Interview DM[98,118) Consent was presumed"),
        snapshot.segments());
    assertEquals(
        List.of(
            "Committee notes[77,88) Governance/Consent by researcher",
            "Interview DM[39,68) Pseudonymisation by ana",
            "Interview DM[39,68) Pseudonymisation by bo-coder",
            "Interview DM[98,118) Governance/Consent by researcher"),
        snapshot.codings());
    assertTrue(
        snapshot.memos().contains("inquiry: Project diary | Started in March. by researcher"));
    assertTrue(
        snapshot
            .memos()
            .contains(
                "segment Interview DM[98,118): Presumed consent | Check the opt-out letters. by bo-coder"));
    assertTrue(
        snapshot
            .memos()
            .contains(
                "segment Interview DM[81,93): Description | The interviewer changes the subject by researcher"));
    assertTrue(
        snapshot.memos().contains("source Interview DM: Description | First interview by ana"));
    assertTrue(
        snapshot
            .memos()
            .contains(
                "code Governance: Governance codes | From the GDPR reading group. by researcher"));
    assertEquals(List.of("Cancer registry other [The regional cancer registry]"), snapshot.cases());
    assertTrue(
        snapshot.sources().stream()
            .anyMatch(s -> s.startsWith("Interview DM ") && s.endsWith("case=Cancer registry")));
    assertEquals(
        List.of(
            "Age of Cancer registry = 47",
            "Recorded of Interview DM = 2024-03-01",
            "Role of Cancer registry = data manager"),
        snapshot.values());
    assertEquals(
        List.of(
            "Privacy [Codes about privacy] [code Governance/Consent, code Pseudonymisation, memo Presumed consent, source Interview DM]"),
        snapshot.sets());
    assertEquals(
        List.of("code Pseudonymisation -explains-> code Governance/Consent ONE_WAY #123456"),
        snapshot.links());
    assertTrue(
        mentions(
            imported, Problem.Severity.ERROR, "unknown code c0000000-0000-4000-8000-00000000dead"));
    assertTrue(mentions(imported, Problem.Severity.ERROR, "their positions fall outside"));
    assertTrue(mentions(imported, Problem.Severity.ERROR, "missing from the sources folder"));
    assertTrue(mentions(imported, Problem.Severity.ERROR, "unknown target"));
    assertTrue(
        mentions(
            imported,
            Problem.Severity.WARNING,
            "reading their positions as code points, byte-order mark counted, CRLF as two"),
        imported.report().toMarkdown());
    assertTrue(Files.exists(QdaExchange.reportPath(folder.resolve("registry-study.qdpx"))));
  }

  @Test
  void anEmptyProjectBecomesAnEmptyInquiryWithItsCoders() {
    ImportedProject imported = importResource("empty-project.qdpx");
    Snapshot snapshot = Snapshot.of(bench.fabrique, imported.inquiryId());
    assertEquals("empty-project", snapshot.name());
    assertEquals(List.of(), snapshot.sources());
    assertEquals(List.of(), snapshot.codes());
    assertEquals(java.util.Map.of("coders", 2), imported.report().counts());
    assertTrue(bench.fabrique.users().list().stream().anyMatch(u -> u.login().equals("ana-lyst")));
    assertEquals(1, bench.fabrique.history().recent(imported.inquiryId(), 10).size());
  }

  @Test
  void aCodebookAloneKeepsItsTreeAndItsTimestampedNamesWithoutLoss() {
    ImportedProject imported = importResource("codes-only.qdpx");
    Snapshot snapshot = Snapshot.of(bench.fabrique, imported.inquiryId());
    assertEquals("codes-only", snapshot.name());
    assertEquals(
        List.of(
            "Meetings",
            "Meetings/2024-02-11T14:30:00Z data lab",
            "Meetings/2024-05-10T09:00:00Z steering"),
        snapshot.codes().stream().map(c -> c.substring(0, c.indexOf(" #"))).toList());
    assertTrue(imported.report().lossless(), imported.report().toMarkdown());
  }

  @Test
  void documentsWithoutTextAreKeptAsSourcesWithoutTextNotedOneByOneWithTheCodebook() {
    bench = new TestWorkbench(folder, ArchiveLimits.DEFAULT, new TikaTextExtractor());
    ImportedProject imported = importResource("textless-sources.qdpx");
    assertEquals(5, imported.report().counts().get("codes"));
    assertTrue(imported.report().lossless(), imported.report().toMarkdown());
    assertEquals(
        2,
        imported.report().problems(Problem.Severity.INFO).stream()
            .filter(p -> p.message().contains("imported as a source without text"))
            .count(),
        imported.report().toMarkdown());
    List<org.fabrique.core.corpus.Source> sources =
        bench.fabrique.corpus().list(imported.inquiryId());
    assertEquals(2, sources.size());
    for (org.fabrique.core.corpus.Source source : sources) {
      assertTrue(bench.fabrique.corpus().text(source.id()).text().isBlank(), source.title());
    }
  }

  @Test
  void pairedSourcesWithOneByteTextsTakeTheTextOfTheirOriginals() {
    ImportedProject imported = importResource("paired-sources.qdpx");
    Snapshot snapshot = Snapshot.of(bench.fabrique, imported.inquiryId());
    assertEquals(
        List.of(
            "definitions #0072b2 codable=true [] #0",
            "definitions/competencies #e69f00 codable=true [] #0",
            "definitions/competencies/programming #009e73 codable=true [] #0",
            "definitions/concepts #cc79a7 codable=true [] #1",
            "politics #56b4e9 codable=true [] #1"),
        snapshot.codes());
    assertEquals(2, snapshot.sources().size());
    var sources = bench.fabrique.corpus().list(imported.inquiryId());
    assertEquals(
        "The registry opened its data.\nConsent was presumed.",
        bench.fabrique.corpus().text(sources.get(0).id()).text());
    assertEquals(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        sources.get(0).mediaType());
    assertTrue(mentions(imported, Problem.Severity.WARNING, "came without its plain text"));
    assertTrue(mentions(imported, Problem.Severity.INFO, "named by a GUID"));
  }

  @Test
  void aBareQdeOfAnotherNamespaceVersionIsReadAndItsMediaAreReported() {
    ImportedProject imported = importResource("namespace-variant.qde");
    Snapshot snapshot = Snapshot.of(bench.fabrique, imported.inquiryId());
    assertEquals(List.of("Inline[0,7) Utility", "Opinion[14,22) approves"), snapshot.segments());
    assertEquals(
        List.of("Inline[0,7) Tension by researcher", "Opinion[14,22) Tension by researcher"),
        snapshot.codings());
    assertTrue(mentions(imported, Problem.Severity.INFO, "urn:QDA-XML:project:1.2"));
    assertTrue(mentions(imported, Problem.Severity.ERROR, "PictureSource"));
    assertTrue(mentions(imported, Problem.Severity.ERROR, "AudioSource"));
    assertTrue(mentions(imported, Problem.Severity.ERROR, "graph(s)"));
    assertTrue(mentions(imported, Problem.Severity.ERROR, "1 area, media or transcript"));
    assertTrue(mentions(imported, Problem.Severity.WARNING, "PDFSource"));
  }

  @Test
  void namesThatSpellAHierarchyBecomeOne() throws java.io.IOException {
    String qde =
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"flat\"><CodeBook><Codes>"
            + "<Code guid=\"c0000000-0000-4000-8000-000000000001\" name=\"Governance::Consent\" isCodable=\"true\"/>"
            + "<Code guid=\"c0000000-0000-4000-8000-000000000002\" name=\"Governance::Access\" isCodable=\"true\"/>"
            + "<Code guid=\"c0000000-0000-4000-8000-000000000003\" name=\"Uses\" isCodable=\"true\"/>"
            + "</Codes></CodeBook></Project>";
    Path file = Files.writeString(folder.resolve("flat.qde"), qde);
    ImportedProject imported =
        bench
            .fabrique
            .qda()
            .importProject(file, Optional.empty(), bench.user.id(), ImportProgress.NONE);
    assertEquals(
        List.of("Governance", "Governance/Access", "Governance/Consent", "Uses"),
        Snapshot.of(bench.fabrique, imported.inquiryId()).codes().stream()
            .map(c -> c.substring(0, c.indexOf(" #")))
            .toList());
    assertTrue(
        Snapshot.of(bench.fabrique, imported.inquiryId()).codes().stream()
            .anyMatch(c -> c.startsWith("Governance/Access ") && c.endsWith("#1")),
        "the second child comes second");
  }
}
