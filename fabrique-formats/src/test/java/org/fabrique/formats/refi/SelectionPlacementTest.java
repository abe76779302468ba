package org.fabrique.formats.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.TextNormalizer;
import org.fabrique.formats.refi.RefiModel.Selection;
import org.junit.jupiter.api.Test;

class SelectionPlacementTest {
  private static Selection selection(long start, long end, Optional<String> name) {
    return new Selection(
        "s" + start,
        name,
        start,
        end,
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        "here");
  }

  private static SelectionPlacement placement(String raw, String origin) {
    return new SelectionPlacement(
        new ShippedText(raw, PlainText.of(TextNormalizer.normalize(raw))),
        PositionReading.Convention.of(origin));
  }

  private static List<String> quotes(SelectionPlacement.Decision decision, String raw) {
    PlainText text = PlainText.of(TextNormalizer.normalize(raw));
    List<String> quotes = new ArrayList<>();
    decision.placed().forEach(p -> quotes.add(text.substring(p.start(), p.end())));
    return quotes;
  }

  @Test
  void readingsTheTextCannotTellApartAreDecidedByTheConventionOfTheToolOrRefused() {
    // one letter a line: every position is the edge of a word, whatever the reading
    String raw = "a\r\nb\r\nc\r\nd\r\ne\r\nf\r\ng\r\n";
    List<Selection> selections =
        List.of(
            selection(3, 4, Optional.empty()),
            selection(6, 7, Optional.empty()),
            selection(9, 10, Optional.empty()));
    SelectionPlacement.Decision nvivo = placement(raw, "NVivo 14").place(selections);
    assertEquals(List.of("b", "c", "d"), quotes(nvivo, raw));
    assertTrue(nvivo.byConvention());
    SelectionPlacement.Decision unknown = placement(raw, "Unknown tool").place(selections);
    assertEquals(3, unknown.refused().size());
    assertEquals(List.of(), unknown.placed());
  }

  @Test
  void namesThatAreLabelsAreNotTakenForQuotes() {
    String raw = "😀 first line\nsecond line\nthird line\n";
    List<Selection> selections =
        List.of(selection(13, 25, Optional.of("line:2")), selection(25, 36, Optional.of("line:3")));
    SelectionPlacement.Decision decision = placement(raw, "qc 2.1").place(selections);
    assertEquals(List.of("second line\n", "third line\n"), quotes(decision, raw));
  }

  @Test
  void decomposedAccentsAreCountedAsTheProducerCountedThem() {
    // "e" + combining acute: two code points shipped, one in Fabrique's NFC text
    String raw = "Le come\u0301 te a de\u0301cide\u0301 ceci.";
    int decided = raw.indexOf("de\u0301cide\u0301");
    List<Selection> selections =
        List.of(
            selection(decided, decided + 8, Optional.of("décidé")),
            selection(3, 8, Optional.of("comé")));
    SelectionPlacement.Decision decision = placement(raw, "").place(selections);
    assertEquals(List.of("décidé", "comé"), quotes(decision, raw));
  }

  @Test
  void positionsCountedInUtf8BytesAreFoundByTheirQuotes() {
    String raw = "Az adatvédelem és a hozzájárulás kérdése.";
    int start = "Az adatvédelem és a ".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    int end = start + "hozzájárulás".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    SelectionPlacement.Decision decision =
        placement(raw, "").place(List.of(selection(start, end, Optional.of("hozzájárulás"))));
    assertEquals(List.of("hozzájárulás"), quotes(decision, raw));
    assertEquals(PositionReading.Unit.UTF8, decision.reading().orElseThrow().unit());
  }

  @Test
  void aTextExtractedFromTheOriginalIsCodedByQuotesOnly() {
    String raw = "The committee refused the extract.";
    SelectionPlacement.Decision decision =
        placement(raw, "")
            .byQuotes(
                List.of(
                    selection(900, 907, Optional.of("refused")),
                    selection(1, 2, Optional.empty())));
    assertEquals(List.of("refused"), quotes(decision, raw));
    assertEquals(1, decision.unplaceable().size());
  }
}
