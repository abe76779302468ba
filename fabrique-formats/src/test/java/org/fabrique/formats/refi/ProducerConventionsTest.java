package org.fabrique.formats.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.exchange.Guids;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.formats.text.TikaTextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Projects written as each producing tool writes them (refi/producers/make-producer-fixtures.py):
 * every selection must select the very text it selected in its tool, or be refused and counted.
 */
class ProducerConventionsTest {
  @TempDir Path folder;

  private record Expected(int codings, Map<String, Optional<String>> quotes) {}

  private static Expected expected(String name) {
    try (InputStream in =
        ProducerConventionsTest.class.getResourceAsStream(
            "/refi/producers/" + name + ".expected.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Optional<String>> quotes = new HashMap<>();
      for (Map.Entry<String, JsonNode> entry : root.get("selections").properties()) {
        quotes.put(
            Guids.parse(entry.getKey()).orElseThrow(),
            entry.getValue().isNull() ? Optional.empty() : Optional.of(entry.getValue().asText()));
      }
      return new Expected(root.get("codings").asInt(), quotes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ImportedProject importProducer(TestWorkbench bench, String name) {
    Path file = TestWorkbench.resource("producers/" + name + ".qdpx", folder);
    return bench
        .fabrique
        .qda()
        .importProject(file, Optional.empty(), bench.user.id(), ImportProgress.NONE);
  }

  /** The quote of the segment each selection GUID became. */
  private static Map<String, String> quotes(TestWorkbench bench, InquiryId inquiry) {
    Map<String, String> quotes = new HashMap<>();
    bench
        .fabrique
        .store()
        .inTransaction(
            tx -> {
              for (ItemGuid guid : tx.guids().list(inquiry)) {
                if (guid.item().kind() == ItemKind.SEGMENT) {
                  Segment segment =
                      tx.coding().findSegment(new SegmentId(guid.item().id())).orElseThrow();
                  quotes.put(Guids.parse(guid.guid()).orElseThrow(), segment.quote());
                }
              }
              return null;
            });
    return quotes;
  }

  @ParameterizedTest
  @ValueSource(strings = {"nvivo-windows", "qc-bare-paths", "qualcoder", "atlas-ti", "maxqda"})
  void everySelectionSelectsTheTextItSelectedInTheToolThatWroteIt(String producer) {
    TestWorkbench bench = new TestWorkbench(folder);
    ImportedProject imported = importProducer(bench, producer);
    Expected expected = expected(producer);
    Map<String, String> quotes = quotes(bench, imported.inquiryId());
    String report = imported.report().toMarkdown();
    assertEquals(Map.of(), imported.report().lost(), report);
    assertEquals(expected.codings(), imported.report().counts().get("codings"), report);
    int checked = 0;
    for (Map.Entry<String, Optional<String>> entry : expected.quotes().entrySet()) {
      assertEquals(
          entry.getValue().orElseThrow(),
          quotes.get(entry.getKey()),
          producer + ": selection " + entry.getKey() + "\n" + report);
      checked++;
    }
    assertEquals(expected.quotes().size(), checked);
  }

  @Test
  void nvivoForWindowsPositionsAreReadAsUtf16UnitsWithCrlfAndWithoutTheByteOrderMark() {
    TestWorkbench bench = new TestWorkbench(folder);
    ImportedProject imported = importProducer(bench, "nvivo-windows");
    assertTrue(
        imported.report().problems().stream()
            .anyMatch(
                p ->
                    p.message()
                        .contains(
                            "reading their positions as UTF-16 units, byte-order mark not counted,"
                                + " CRLF as two characters")),
        imported.report().toMarkdown());
  }

  @Test
  void transcriptsAmongTheSourcesAreInterviewsWithTheirTurns() {
    TestWorkbench bench = new TestWorkbench(folder);
    ImportedProject imported = importProducer(bench, "nvivo-windows");
    for (var source : bench.fabrique.corpus().list(imported.inquiryId())) {
      assertEquals(org.fabrique.core.corpus.SourceKind.INTERVIEW, source.kind());
      var turns = bench.fabrique.corpus().turns(source.id());
      assertEquals(
          java.util.Set.of("Kérdező", "Válaszadó"),
          turns.stream()
              .map(org.fabrique.core.corpus.SpeakerTurn::speaker)
              .collect(java.util.stream.Collectors.toSet()));
    }
  }

  @Test
  void whenNoReadingIsClearlyRightTheDisputedSelectionsAreRefusedAndCountedFirst() {
    TestWorkbench bench = new TestWorkbench(folder);
    ImportedProject imported = importProducer(bench, "ambiguous");
    Expected expected = expected("ambiguous");
    Map<String, String> quotes = quotes(bench, imported.inquiryId());
    int refusedCodings = 0;
    for (Map.Entry<String, Optional<String>> entry : expected.quotes().entrySet()) {
      if (entry.getValue().isPresent()) {
        assertEquals(entry.getValue().get(), quotes.get(entry.getKey()));
      } else {
        assertEquals(null, quotes.get(entry.getKey()), "refused, not placed");
      }
    }
    refusedCodings = expected.codings() - imported.report().counts().getOrDefault("codings", 0);
    assertTrue(refusedCodings > 20);
    assertEquals(refusedCodings, imported.report().lost().get("codings"));
    String summary = imported.report().summary();
    assertTrue(
        summary.startsWith(
            refusedCodings
                + " of "
                + expected.codings()
                + " codings lost, 30 of 33 selections lost"),
        summary);
    assertTrue(
        imported.report().toMarkdown().contains("none is clearly right"),
        imported.report().toMarkdown());
    assertEquals(1, imported.report().counts().get("sources"), "the source itself is kept");
  }

  @Test
  void nvivoForMacPlacesWhatItsPlainTextHoldsAndRefusesWhatOnlyItsDocumentHolds() {
    TestWorkbench bench = new TestWorkbench(folder, ArchiveLimits.DEFAULT, new TikaTextExtractor());
    ImportedProject imported = importProducer(bench, "nvivo-mac");
    Expected expected = expected("nvivo-mac");
    Map<String, String> quotes = quotes(bench, imported.inquiryId());
    String report = imported.report().toMarkdown();
    int placed = 0;
    for (Map.Entry<String, Optional<String>> entry : expected.quotes().entrySet()) {
      if (entry.getValue().isPresent()) {
        assertEquals(entry.getValue().get(), quotes.get(entry.getKey()), report);
        placed++;
      } else {
        assertEquals(null, quotes.get(entry.getKey()), "refused, not guessed\n" + report);
      }
    }
    assertEquals(placed, quotes.size(), report);
    assertTrue(placed > 40 && placed < expected.quotes().size(), report);
    int lost = expected.codings() - imported.report().counts().get("codings");
    assertTrue(lost > 0, report);
    assertEquals(lost, imported.report().lost().get("codings"), report);
    assertTrue(
        imported
            .report()
            .summary()
            .startsWith(lost + " of " + expected.codings() + " codings lost"),
        imported.report().summary());
    assertTrue(
        report.contains("reading their positions as UTF-16 units"),
        "the interview's positions count emoji as two\n" + report);
    Map<String, String> texts = new HashMap<>();
    for (var source : bench.fabrique.corpus().list(imported.inquiryId())) {
      texts.put(source.title(), bench.fabrique.corpus().text(source.id()).text());
    }
    assertEquals(
        java.util.Set.of("Interview 3", "Consent form", "Field notes"), texts.keySet(), report);
    assertTrue(texts.get("Consent form").isBlank(), "kept as a source without text");
    assertTrue(texts.get("Field notes").length() > 200, "its text read from its document");
  }

  @Test
  void aTaguetteCodebookIsReadWithoutItsNamespaceAndExportedAsItCame() throws IOException {
    TestWorkbench bench = new TestWorkbench(folder);
    InquiryId inquiry = bench.fabrique.inquiries().create("Taguette tags", "").id();
    Path qdc = TestWorkbench.resource("producers/taguette.qdc", folder);
    var report = bench.fabrique.qda().importCodebook(inquiry, bench.user.id(), qdc);
    assertEquals(7, report.counts().get("codes"), report.toMarkdown());
    assertEquals(
        List.of(),
        report.problems(org.fabrique.core.error.Problem.Severity.ERROR),
        report.toMarkdown());
    assertEquals(
        List.of(
            "Zugang für Forschende",
            "consent",
            "data sharing",
            "privacy",
            "re-identification risk",
            "trust in the registry",
            "álnevesítés"),
        bench.fabrique.coding().codes(inquiry).stream()
            .map(org.fabrique.core.coding.Code::name)
            .sorted()
            .toList());
    Path exported = folder.resolve("again.qdc");
    bench.fabrique.qda().exportCodebook(inquiry, exported);
    Schemas.checkCodebook(exported);
    String written = Files.readString(exported);
    String received = Files.readString(qdc);
    java.util.regex.Matcher guid =
        java.util.regex.Pattern.compile("guid=\"([^\"]+)\"").matcher(received);
    int guids = 0;
    while (guid.find()) {
      assertTrue(written.contains("guid=\"" + guid.group(1) + "\""), guid.group(1));
      guids++;
    }
    assertEquals(7, guids);
    assertFalse(written.contains("color="), "codes that came without a colour go without one");
  }
}
