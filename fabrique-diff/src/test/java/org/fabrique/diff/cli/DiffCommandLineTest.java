package org.fabrique.diff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fabrique.diff.Files2;
import org.fabrique.diff.report.JsonReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandLineTest {
  @TempDir Path directory;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Path oldFile;
  private Path newFile;

  @BeforeEach
  void tables() {
    oldFile =
        Files2.write(directory, "old.csv", "id,site,note\n1,Lyon,a\n2,Paris,<b>\n3,Lille,c\n");
    newFile =
        Files2.write(directory, "new.csv", "id,site,note\n1,Lyon,a\n2,Paris,<i>\n4,Brest,d\n");
  }

  private int run(String... args) {
    return new DiffCommandLine()
        .run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void identicalFilesExitWithZero() {
    assertEquals(0, run(oldFile.toString(), oldFile.toString(), "--key", "id"));
  }

  @Test
  void differentFilesExitWithOne() {
    assertEquals(1, run(oldFile.toString(), newFile.toString(), "--key", "id"));
  }

  @Test
  void aMissingFileExitsWithTwoAndAMessage() {
    assertEquals(2, run(oldFile.toString(), directory.resolve("nope.csv").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("fabrique diff: No such file: "));
  }

  @Test
  void badArgumentsExitWithTwoAndTheUsage() {
    assertEquals(2, run(oldFile.toString()));
    assertEquals(2, run(oldFile.toString(), newFile.toString(), "--format", "pdf"));
    assertEquals(2, run(oldFile.toString(), newFile.toString(), "--colour"));
    assertEquals(2, run(oldFile.toString(), newFile.toString(), "--key"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(DiffCommandLine.USAGE));
  }

  @Test
  void anEmptyInputExitsWithTwoAfterWritingTheReport() {
    Path empty = Files2.write(directory, "empty.csv", "");

    assertEquals(2, run(empty.toString(), newFile.toString(), "--format", "json"));
    assertEquals(
        "ERROR", JsonReports.readTree(output()).get("problems").get(0).get("severity").asText());
  }

  @Test
  void jsonReportCarriesItsFormatVersionAndTheRows() {
    assertEquals(
        1,
        run(oldFile.toString(), newFile.toString(), "--key=id", "--format=json"),
        () -> err.toString(StandardCharsets.UTF_8));

    JsonNode json = JsonReports.readTree(output());
    assertEquals("fabrique-diff/1", json.get("formatVersion").asText());
    assertEquals(1, json.get("rows").get("removed").asInt());
    assertEquals(1, json.get("rows").get("added").asInt());
    assertEquals(1, json.get("rows").get("changed").asInt());
  }

  @Test
  void daffOutputMarksAddedRemovedAndEditedRows() {
    assertEquals(1, run(oldFile.toString(), newFile.toString(), "--key", "id", "--format", "daff"));

    assertEquals(
        "@@,id,site,note\n->,2,Paris,<b>-><i>\n+++,4,Brest,d\n---,3,Lille,c\n",
        output().replace("\r\n", "\n"));
  }

  @Test
  void htmlReportEscapesValuesFromTheData() throws IOException {
    Path page = directory.resolve("report.html");

    assertEquals(
        1,
        run(
            oldFile.toString(),
            newFile.toString(),
            "--key",
            "id",
            "--format",
            "html",
            "--out",
            page.toString()));

    String html = Files.readString(page);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(!html.contains("<b>") && !html.contains("<i>") && html.contains("&lt;b&gt;"), html);
    assertEquals("", output());
  }

  @Test
  void markdownIsTheDefaultFormat() {
    assertEquals(1, run(oldFile.toString(), newFile.toString(), "--key", "id"));

    assertTrue(output().startsWith("# Differences between old.csv and new.csv\n"), output());
  }
}
