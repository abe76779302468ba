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
}
