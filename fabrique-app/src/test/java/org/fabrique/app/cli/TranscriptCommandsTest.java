package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transcripts from video calls and transcription services are interviews with their turns. */
class TranscriptCommandsTest {
  @TempDir Path temp;

  private CommandRunner.Result run(String... args) {
    return new CommandRunner(temp.resolve("data")).run(args);
  }

  private String importFile(String inquiry, String name, String content) throws Exception {
    Path file = temp.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    CommandRunner.Result imported = run("source", "import", "--inquiry", inquiry, file.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    return imported.out();
  }

  @Test
  void zoomOtterAndSubtitleFilesAreImportedAsInterviews() throws Exception {
    String inquiry = run("inquiry", "create", "Calls").out().strip();
    importFile(
        inquiry,
        "zoom.txt",
        "BSR01  00:00\nWe opened the registry in 2019.\n\nINT  00:12\nWho asked for it?\n\n"
            + "BSR01  00:20\nThe consortium did.\n");
    importFile(
        inquiry,
        "call.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Anna>How was consent asked?</v>\n\n"
            + "00:00:03.500 --> 00:00:06.000\n<v Béla>By letter.</v>\n\n"
            + "00:00:06.500 --> 00:00:08.000\n<v Anna>Thank you.</v>\n");
    importFile(
        inquiry, "notes.txt", "Start 10:30\nThe meeting opened.\nEnd 12:00\nThe meeting closed.\n");
    String list = run("source", "list", "--inquiry", inquiry).out();
    assertTrue(list.lines().anyMatch(l -> l.contains("\tinterview\t") && l.endsWith("zoom")), list);
    assertTrue(list.lines().anyMatch(l -> l.contains("\tinterview\t") && l.endsWith("call")), list);
    assertTrue(list.lines().anyMatch(l -> l.contains("\tdocument\t") && l.endsWith("notes")), list);
  }

  @Test
  void aSpeakerPatternOfTheInquiryFindsTheTurnsOfAnyOtherLayoutAndIsUndoable() throws Exception {
    String inquiry = run("inquiry", "create", "Focus groups").out().strip();
    CommandRunner.Result refused =
        run("inquiry", "speaker-pattern", "--inquiry", inquiry, "^[A-Z]+ -");
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("no group named speaker"), refused.err());
    CommandRunner.Result set =
        run("inquiry", "speaker-pattern", "--inquiry", inquiry, "^-- (?<speaker>[A-Z]+) --$");
    assertEquals(0, set.exitCode(), set.err());
    assertEquals("^-- (?<speaker>[A-Z]+) --$\n", set.out());
    importFile(
        inquiry, "group.txt", "-- ANA --\nShall we start?\n-- DM --\nYes.\n-- ANA --\nGood.\n");
    assertTrue(
        run("source", "list", "--inquiry", inquiry).out().contains("\tinterview\t"),
        "the pattern found the turns");
    assertEquals(0, run("history", "undo", "--inquiry", inquiry).exitCode());
    assertEquals(0, run("history", "undo", "--inquiry", inquiry).exitCode());
    assertEquals("", run("inquiry", "speaker-pattern", "--inquiry", inquiry).out());
  }
}
