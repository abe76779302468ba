package org.fabrique.formats.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.formats.text.TikaTextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real exports of other tools, read from the team's shared fixtures (their licences do not let us
 * copy them into the project: see ../shared/fixtures/MANIFEST.md). Skipped when the folder is
 * absent; the files of src/test/resources/refi reproduce their quirks.
 */
class SharedFixturesTest {
  @TempDir Path folder;

  private static Optional<Path> fixtures() {
    String configured = System.getProperty("fabrique.fixtures");
    if (configured != null) {
      return Optional.of(Path.of(configured, "refi-qda")).filter(Files::isDirectory);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/fixtures/refi-qda");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private ImportedProject roundTrip(TestWorkbench bench, String sample) {
    Optional<Path> root = fixtures();
    assumeTrue(root.isPresent(), "the shared REFI-QDA fixtures are not on this machine");
    Path file = root.get().resolve("samples").resolve(sample);
    assumeTrue(Files.isRegularFile(file), sample + " is not in the shared fixtures");
    Path copy = folder.resolve(file.getFileName());
    try {
      Files.copy(file, copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImportedProject first =
        bench
            .fabrique
            .qda()
            .importProject(copy, Optional.empty(), bench.user.id(), ImportProgress.NONE);
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
  void theBlankAtlasProjectIsAnEmptyInquiryWithTwoCoders() {
    TestWorkbench bench = new TestWorkbench(folder);
    ImportedProject imported = roundTrip(bench, "atlasti/blank-atlas-project.qdpx");
    assertEquals(java.util.Map.of("coders", 2), imported.report().counts());
    assertTrue(imported.report().lossless(), imported.report().toMarkdown());
  }

  @Test
  void theTargetAtlasProjectHasItsCodeTree() {
    TestWorkbench bench = new TestWorkbench(folder);
    ImportedProject imported = roundTrip(bench, "atlasti/target-atlas-project.qdpx");
    Snapshot snapshot = Snapshot.of(bench.fabrique, imported.inquiryId());
    assertEquals("target-atlas-project", snapshot.name());
    assertEquals(
        List.of(
            "Commits",
            "Commits/2022-02-11T10:39:25Z cdbfd92",
            "Commits/2022-05-10T02:05:59Z 19e4dce"),
        snapshot.codes().stream().map(c -> c.substring(0, c.indexOf(" #"))).toList());
  }

  @Test
  void theNvivoProjectHasItsCodesAndItsTwoSourcesWithoutText() {
    TestWorkbench bench = new TestWorkbench(folder, ArchiveLimits.DEFAULT, new TikaTextExtractor());
    ImportedProject imported = roundTrip(bench, "nvivo-mac/nvivo_project.qdpx");
    assertEquals(262, imported.report().counts().get("codes"));
    assertEquals(2, imported.report().counts().get("coders"));
    // its two sources are one-byte .txt files beside .docx files without text: kept, without text
    assertEquals(2, imported.report().counts().get("sources"));
    assertEquals(java.util.Map.of(), imported.report().lost(), imported.report().toMarkdown());
    var warnings = imported.report().problems(org.fabrique.core.error.Problem.Severity.WARNING);
    assertEquals(
        2,
        warnings.stream()
            .filter(p -> p.message().contains("has no text, nor has its original"))
            .count(),
        imported.report().toMarkdown());
    assertEquals(2, bench.fabrique.corpus().list(imported.inquiryId()).size());
  }
}
