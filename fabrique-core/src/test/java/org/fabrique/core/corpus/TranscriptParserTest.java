package org.fabrique.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranscriptParserTest {

  @Test
  void recognisesSpeakerTurnsWithTimestamps() {
    String raw =
        """
        Entretien n°2

        [00:00:05] Enquêtrice : Pouvez-vous décrire votre rôle ?
        [00:00:12] Data manager : Je prépare les extractions.
        Sur plusieurs lignes parfois.
        [00:01:40] Enquêtrice : Merci.
        """;
    PlainText text = PlainText.of(TextNormalizer.normalize(raw));
    List<SpeakerTurn> turns = TranscriptParser.parse(text);
    assertEquals(3, turns.size());
    assertEquals("Enquêtrice", turns.get(0).speaker());
    assertEquals(Optional.of("00:00:05"), turns.get(0).timestamp());
    assertEquals("Data manager", turns.get(1).speaker());
    assertEquals(
        "[00:00:12] Data manager : Je prépare les extractions.\nSur plusieurs lignes parfois.",
        text.substring(turns.get(1).start(), turns.get(1).end()));
  }

  @Test
  void recognisesPlainNamePrefixes() {
    PlainText text = PlainText.of("INT: Hello.\nP1: Hi 😀 there.\nINT: Thanks.\n");
    List<SpeakerTurn> turns = TranscriptParser.parse(text);
    assertEquals(List.of("INT", "P1", "INT"), turns.stream().map(SpeakerTurn::speaker).toList());
    assertEquals("P1: Hi 😀 there.", text.substring(turns.get(1).start(), turns.get(1).end()));
  }

  @Test
  void proseWithAnOccasionalColonIsNotATranscript() {
    PlainText text =
        PlainText.of(
            "Note: the meeting started late.\nThe steward explained the extraction process in detail.\n");
    assertEquals(List.of(), TranscriptParser.parse(text));
  }

  @Test
  void zoomAndOtterHeaderLinesStartTurnsWhoseTextFollowsOnTheNextLines() {
    String text =
        "BSR01  00:00\n"
            + "So we opened the registry to the consortium.\n\n"
            + "INT  00:15\n"
            + "And who decided?\n"
            + "The steering committee, I believe.\n\n"
            + "BSR01  01:02\n"
            + "The committee, yes.\n";
    List<SpeakerTurn> turns = TranscriptParser.parse(PlainText.of(text));
    assertEquals(
        List.of("BSR01", "INT", "BSR01"), turns.stream().map(SpeakerTurn::speaker).toList());
    assertEquals(
        List.of(Optional.of("00:00"), Optional.of("00:15"), Optional.of("01:02")),
        turns.stream().map(SpeakerTurn::timestamp).toList());
    SpeakerTurn second = turns.get(1);
    assertEquals(
        "INT  00:15\nAnd who decided?\nThe steering committee, I believe.",
        PlainText.of(text).substring(second.start(), second.end()));
  }

  @Test
  void otterSpeakersWithSpacesAndBracketedZoomNamesAreRead() {
    String otter = "Speaker 1  0:03\nHello there.\nSpeaker 2  0:09\nHi.\nSpeaker 1  0:12\nRight.";
    assertEquals(
        List.of("Speaker 1", "Speaker 2", "Speaker 1"),
        TranscriptParser.parse(PlainText.of(otter)).stream().map(SpeakerTurn::speaker).toList());
    String zoom =
        "[Anna Kovács] 10:01:02\nJó napot.\n[Béla] 10:01:09\nSzia.\n[Anna Kovács] 10:02:00\nNos.";
    assertEquals(
        List.of("Anna Kovács", "Béla", "Anna Kovács"),
        TranscriptParser.parse(PlainText.of(zoom)).stream().map(SpeakerTurn::speaker).toList());
  }

  @Test
  void twoLinesEndingWithATimeAreNotAConversation() {
    String minutes = "Start 10:30\nThe meeting opened.\nEnd 12:00\nThe meeting closed.";
    assertEquals(List.of(), TranscriptParser.parse(PlainText.of(minutes)));
  }

  @Test
  void aSpeakerPatternOfTheInquiryFindsTurnsInAnyOtherLayout() {
    String text = "#1 ANA (00:01) Bonjour.\n#2 DM (00:04) Bonjour.\n#3 ANA (00:09) Alors ?";
    LinePattern pattern =
        LinePattern.compile("^#\\d+ (?<speaker>[A-Z]+) \\((?<time>\\d\\d:\\d\\d)\\)");
    List<SpeakerTurn> turns = TranscriptParser.parse(PlainText.of(text), pattern);
    assertEquals(List.of("ANA", "DM", "ANA"), turns.stream().map(SpeakerTurn::speaker).toList());
    assertEquals(Optional.of("00:04"), turns.get(1).timestamp());
  }

  @Test
  void aSpeakerPatternWithoutASpeakerGroupOrMalformedIsRefusedWithWhere() {
    assertEquals(
        "The speaker pattern has no group named speaker: write the part that names the speaker"
            + " as (?<speaker>…), for example ^(?<speaker>[A-Z]{2,4}\\d*)\\s+\\d+:\\d\\d",
        org.junit.jupiter.api.Assertions.assertThrows(
                org.fabrique.core.error.InvalidInputException.class,
                () -> LinePattern.compile("^[A-Z]+:"))
            .getMessage());
    assertEquals(
        "The speaker pattern is malformed at character 1: Unclosed group",
        org.junit.jupiter.api.Assertions.assertThrows(
                org.fabrique.core.error.InvalidInputException.class,
                () -> LinePattern.compile("(?<speaker>[A-Z]+"))
            .getMessage());
  }
}
