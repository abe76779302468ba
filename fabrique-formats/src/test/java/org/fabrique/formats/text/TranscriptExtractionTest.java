package org.fabrique.formats.text;

import static java.nio.charset.StandardCharsets.UTF_8;
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

  @Test
  void aWebVttRecordingKeepsItsVoicesAndTimestamps() throws IOException {
    String vtt =
        "WEBVTT\n\nNOTE recorded by the meeting tool\n\n"
            + "1\n00:00:01.000 --> 00:00:04.500 align:start\n<v Anna Kovács>Jó napot, kezdhetjük?</v>\n\n"
            + "2\n00:00:05.000 --> 00:00:09.000\n<v.loud Béla>Igen. A nyilvántartásról</v>\n\n"
            + "3\n00:00:09.000 --> 00:00:12.000\n<v Béla>beszélnénk &amp; az adatokról.</v>\n\n"
            + "4\n01:02.000 --> 01:05.000\n<v Anna Kovács><i>Rendben.</i></v>\n";
    ExtractedText extracted = EXTRACTOR.extract("meeting.vtt", write(vtt.getBytes(UTF_8)));
    assertEquals(
        "[00:00:01] Anna Kovács: Jó napot, kezdhetjük?\n"
            + "[00:00:05] Béla: Igen. A nyilvántartásról beszélnénk & az adatokról.\n"
            + "[00:01:02] Anna Kovács: Rendben.\n",
        extracted.text());
    List<SpeakerTurn> turns = TranscriptParser.parse(PlainText.of(extracted.text()));
    assertEquals(
        List.of("Anna Kovács", "Béla", "Anna Kovács"),
        turns.stream().map(SpeakerTurn::speaker).toList());
    assertEquals(Optional.of("00:00:05"), turns.get(1).timestamp());
  }

  @Test
  void aSubRipFileTakesItsSpeakersFromTheirLabels() throws IOException {
    String srt =
        "1\r\n00:00:01,000 --> 00:00:03,000\r\nInterviewer: How was consent asked?\r\n\r\n"
            + "2\r\n00:00:03,500 --> 00:00:08,000\r\nParticipant: By letter,\r\nwith an opt-out.\r\n\r\n"
            + "3\r\n00:00:08,500 --> 00:00:10,000\r\nInterviewer: And then?\r\n";
    List<SpeakerTurn> turns = turnsOf("interview.srt", srt.getBytes(UTF_8));
    assertEquals(
        List.of("Interviewer", "Participant", "Interviewer"),
        turns.stream().map(SpeakerTurn::speaker).toList());
  }

  @Test
  void subtitlesWithoutACueAreRefusedWithAReason() throws IOException {
    var refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.fabrique.core.error.InvalidInputException.class,
            () ->
                EXTRACTOR.extract("empty.vtt", write("WEBVTT\n\nNOTE nothing\n".getBytes(UTF_8))));
    assertEquals(
        "empty.vtt holds no subtitle cue (a line such as 00:00:01.000 --> 00:00:04.000 followed by"
            + " what is said): there is no text to import.",
        refused.getMessage());
  }

  @Test
  void anOtterTranscriptInATextFileHasItsTurns() throws IOException {
    String otter =
        "Speaker 1  0:03\nThank you for taking the time.\n\n"
            + "Speaker 2  0:07\nOf course. The registry team asked me to talk to you.\n\n"
            + "Speaker 1  0:15\nHow did the data sharing start?\n";
    List<SpeakerTurn> turns = turnsOf("otter-export.txt", otter.getBytes(UTF_8));
    assertEquals(3, turns.size());
    assertEquals(Optional.of("0:07"), turns.get(1).timestamp());
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
