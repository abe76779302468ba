package org.fabrique.formats.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.formats.text.TikaTextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Projects shaped as other tools export them, imported, exported, validated and imported again. The
 * files are written for Fabrique by {@code src/test/resources/refi/make-fixtures.py}: they
 * reproduce the ATLAS.ti and NVivo exports of the team's shared fixtures (an empty project, a
 * codebook alone, paired sources whose documents hold no text), whose licences (unknown, AGPL) keep
 * them out of the project. They run wherever the project is built.
 */
class OtherToolsExportsTest {
  @TempDir Path folder;

  private ImportedProject roundTrip(TestWorkbench bench, String resource) {
    Path file = TestWorkbench.resource(resource, folder);
    ImportedProject first =
        bench
            .fabrique
            .qda()
            .importProject(file, Optional.empty(), bench.user.id(), ImportProgress.NONE);
    Path exported = folder.resolve("exported.qdpx");
    bench.fabrique.qda().exportProject(first.inquiryId(), exported, ImportProgress.NONE);
    Schemas.checkProject(exported);
    ImportedProject second =
        bench
            .fabrique
            .qda()
            .importProject(exported, Optional.empty(), bench.user.id(), ImportProgress.NONE);
    assertEquals(
        Snapshot.of(bench.fabrique, first.inquiryId()),
        Snapshot.of(bench.fabrique, second.inquiryId()));
    return first;
  }

  @Test
  void anEmptyProjectIsAnEmptyInquiryWithTwoCodersAndLosesNothing() {
    TestWorkbench bench = new TestWorkbench(folder);
    ImportedProject imported = roundTrip(bench, "empty-project.qdpx");
    assertEquals(Map.of("coders", 2), imported.report().counts());
    assertTrue(imported.report().lossless(), imported.report().toMarkdown());
  }

  @Test
  void aCodebookAloneKeepsItsTreeAndItsTimestampedNames() {
    TestWorkbench bench = new TestWorkbench(folder);
    ImportedProject imported = roundTrip(bench, "codes-only.qdpx");
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
  void documentsWithoutTextAreKeptAsSourcesWithoutTextReportedAndTheCodebookIsStillCarried() {
    TestWorkbench bench = new TestWorkbench(folder, ArchiveLimits.DEFAULT, new TikaTextExtractor());
    ImportedProject imported = roundTrip(bench, "textless-sources.qdpx");
    assertEquals(5, imported.report().counts().get("codes"));
    assertEquals(Map.of(), imported.report().lost(), imported.report().toMarkdown());
    assertTrue(imported.report().lossless(), imported.report().toMarkdown());
    List<Problem> notes = imported.report().problems(Problem.Severity.INFO);
    assertEquals(
        2,
        notes.stream()
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
}
