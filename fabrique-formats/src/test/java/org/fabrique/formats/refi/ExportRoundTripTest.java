package org.fabrique.formats.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.core.inquiry.InquiryId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportRoundTripTest {
  @TempDir Path folder;

  static String qde(Path qdpx) {
    try (ZipFile zip = new ZipFile(qdpx.toFile())) {
      return new String(
          zip.getInputStream(zip.getEntry("project.qde")).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> guids(String xml) {
    Matcher matcher = Pattern.compile(" guid=\"([^\"]+)\"").matcher(xml);
    List<String> found = new java.util.ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    found.sort(null);
    return found;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "registry-study.qdpx",
        "paired-sources.qdpx",
        "empty-project.qdpx",
        "codes-only.qdpx",
        "textless-sources.qdpx",
        "namespace-variant.qde",
        "producers/nvivo-windows.qdpx",
        "producers/qc-bare-paths.qdpx",
        "producers/qualcoder.qdpx",
        "producers/atlas-ti.qdpx",
        "producers/maxqda.qdpx",
        "producers/nvivo-mac.qdpx",
        "producers/ambiguous.qdpx"
      })
  void importExportImportGivesTheSameInquiryWithTheSameGuids(String fixture) {
    TestWorkbench bench = new TestWorkbench(folder);
    Path source = TestWorkbench.resource(fixture, folder);
    ImportedProject first =
        bench
            .fabrique
            .qda()
            .importProject(source, Optional.empty(), bench.user.id(), ImportProgress.NONE);
    Path exported = folder.resolve("first.qdpx");
    var report =
        bench.fabrique.qda().exportProject(first.inquiryId(), exported, ImportProgress.NONE);
    Schemas.checkProject(exported);
    assertTrue(Files.exists(folder.resolve("first.qdpx.report.md")));
    assertFalse(report.toMarkdown().isBlank());

    ImportedProject second =
        bench
            .fabrique
            .qda()
            .importProject(exported, Optional.empty(), bench.user.id(), ImportProgress.NONE);
    assertEquals(
        Snapshot.of(bench.fabrique, first.inquiryId()),
        Snapshot.of(bench.fabrique, second.inquiryId()),
        "the same quotes, codes, coders, memos, cases and values");
    assertEquals(first.report().counts(), second.report().counts(), "the same counts");
    assertTrue(
        second.report().lossless(),
        () -> "a Fabrique export reads back without loss: " + second.report().toMarkdown());

    Path again = folder.resolve("second.qdpx");
    bench.fabrique.qda().exportProject(second.inquiryId(), again, ImportProgress.NONE);
    Schemas.checkProject(again);
    assertEquals(guids(qde(exported)), guids(qde(again)), "GUIDs are stable across exports");
  }

  @Test
  void exportingTwiceWritesTheSameProject() {
    TestWorkbench bench = new TestWorkbench(folder);
    InquiryId inquiry =
        bench
            .fabrique
            .qda()
            .importProject(
                TestWorkbench.resource("registry-study.qdpx", folder),
                Optional.empty(),
                bench.user.id(),
                ImportProgress.NONE)
            .inquiryId();
    Path one = folder.resolve("one.qdpx");
    Path two = folder.resolve("two.qdpx");
    bench.fabrique.qda().exportProject(inquiry, one, ImportProgress.NONE);
    bench.fabrique.qda().exportProject(inquiry, two, ImportProgress.NONE);
    assertEquals(qde(one), qde(two));
    String xml = qde(one);
    assertTrue(
        xml.contains("guid=\"c0000000-0000-4000-8000-000000000004\""), "imported GUIDs are kept");
    assertTrue(
        xml.contains("plainTextPath=\"internal://50000000-0000-4000-8000-000000000001.txt\""));
    assertTrue(
        xml.contains("richTextPath=\"internal://50000000-0000-4000-8000-000000000002.docx\""));
  }

  @Test
  void aCodebookExportIsValidAndNeverHasEmptySets() {
    TestWorkbench bench = new TestWorkbench(folder);
    InquiryId inquiry =
        bench
            .fabrique
            .qda()
            .importProject(
                TestWorkbench.resource("paired-sources.qdpx", folder),
                Optional.empty(),
                bench.user.id(),
                ImportProgress.NONE)
            .inquiryId();
    Path qdc = folder.resolve("codes.qdc");
    var report = bench.fabrique.qda().exportCodebook(inquiry, qdc);
    Schemas.checkCodebook(qdc);
    assertEquals(5, report.counts().get("codes"));
    assertFalse(readString(qdc).contains("<Sets"), "no set, no Sets element");
  }

  @Test
  void aCodebookImportAddsItsCodesAndSetsInOneUndoableStep() {
    TestWorkbench bench = new TestWorkbench(folder);
    InquiryId inquiry = bench.fabrique.inquiries().create("Codebook target", "").id();
    var report =
        bench
            .fabrique
            .qda()
            .importCodebook(
                inquiry, bench.user.id(), TestWorkbench.resource("codebook.qdc", folder));
    assertEquals(4, report.counts().get("codes"));
    assertEquals(1, report.counts().get("sets"));
    Snapshot snapshot = Snapshot.of(bench.fabrique, inquiry);
    assertEquals(
        List.of(
            "Topics #0072b2 codable=false [] #0",
            "Topics/Economy #ffff00 codable=true [Anything about jobs or taxes] #0",
            "Values #009e73 codable=false [] #1",
            "Values/Liberals #cc79a7 codable=true [] #0"),
        snapshot.codes());
    assertEquals(List.of("Core [] [code Topics/Economy]"), snapshot.sets());
    Path qdc = folder.resolve("again.qdc");
    bench.fabrique.qda().exportCodebook(inquiry, qdc);
    Schemas.checkCodebook(qdc);
    assertTrue(
        readString(qdc).contains("<MemberCode guid=\"{d7aa29da-519b-4946-9b90-253b6db8fd0a}\""),
        "GUIDs are written as they were received");
    assertFalse(
        readString(qdc).contains("name=\"Topics\" isCodable=\"false\" color="),
        "a code that came without a colour goes without one");
    var twice = bench.fabrique.qda().importCodebook(inquiry, bench.user.id(), qdc);
    assertEquals(null, twice.counts().get("codes"), "codes already there are not duplicated");
    bench.fabrique.history().undo(inquiry, bench.user.id());
    bench.fabrique.history().undo(inquiry, bench.user.id());
    assertEquals(List.of(), bench.fabrique.coding().codes(inquiry));
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
