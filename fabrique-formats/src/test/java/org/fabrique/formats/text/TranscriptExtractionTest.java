package org.fabrique.formats.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.ExtractedText;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.corpus.TextNormalizer;
import org.fabrique.core.corpus.TranscriptParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interview transcript written in a word processor keeps its speaker turns through import. */
class TranscriptExtractionTest {
  private static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor();

  private static final List<String> TRANSCRIPT =
      List.of(
          "Enquêtrice : Comment les demandes d'accès sont-elles instruites ?",
          "Data manager : Elles passent d'abord par le comité scientifique.",
          "Ensuite le délégué à la protection des données vérifie la base légale.",
          "Enquêtrice : Et quand le comité refuse ?",
          "[00:12:40] Data manager : On reformule le protocole, en général.");

  @TempDir Path folder;

  @Test
  void aTranscriptInAWordDocumentKeepsItsSpeakerTurns() throws IOException {
    List<SpeakerTurn> turns = turnsOf("entretien-07.docx", Documents.docx(TRANSCRIPT, ""));
    assertEquals(
        List.of("Enquêtrice", "Data manager", "Enquêtrice", "Data manager"),
        turns.stream().map(SpeakerTurn::speaker).toList());
    assertEquals(
        List.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("00:12:40")),
        turns.stream().map(SpeakerTurn::timestamp).toList());
  }

  @Test
  void aTranscriptInAnOpenDocumentTextKeepsItsSpeakerTurns() throws IOException {
    List<SpeakerTurn> turns = turnsOf("entretien-07.odt", Documents.odt(TRANSCRIPT, ""));
    assertEquals(4, turns.size());
  }

  @Test
  void aTranscriptInAPdfKeepsItsSpeakerTurns() throws IOException {
    List<String> transcript =
        List.of(
            "Interviewer: How are access requests reviewed?",
            "Data manager: First by the scientific committee.",
            "Interviewer: And when the committee says no?",
            "Data manager: We rewrite the protocol, usually.");
    List<SpeakerTurn> turns = turnsOf("interview-07.pdf", Documents.pdf(transcript, ""));
    assertEquals(
        List.of("Interviewer", "Data manager", "Interviewer", "Data manager"),
        turns.stream().map(SpeakerTurn::speaker).toList());
  }

  @Test
  void aTurnSpansTheParagraphsOfItsSpeaker() throws IOException {
    ExtractedText extracted =
        EXTRACTOR.extract("entretien-07.docx", write(Documents.docx(TRANSCRIPT, "")));
    PlainText text = PlainText.of(TextNormalizer.normalize(extracted.text()));
    SpeakerTurn second = TranscriptParser.parse(text).get(1);
    assertEquals(
        TRANSCRIPT.get(1) + "\n" + TRANSCRIPT.get(2), text.substring(second.start(), second.end()));
  }

  private List<SpeakerTurn> turnsOf(String name, byte[] content) throws IOException {
    ExtractedText extracted = EXTRACTOR.extract(name, write(content));
    return TranscriptParser.parse(PlainText.of(TextNormalizer.normalize(extracted.text())));
  }

  private Path write(byte[] content) throws IOException {
    Path file = Files.createTempFile(folder, "upload-", ".bin");
    Files.write(file, content);
    return file;
  }
}
