package org.fabrique.formats.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
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
}
