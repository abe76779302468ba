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
  void aKeyOfSeveralColumnsIsRepeatedOrSeparatedByCommas() {
    assertEquals(1, run(oldFile.toString(), newFile.toString(), "--key", "site", "--key", "id"));
    String repeated = output();
    out.reset();
    assertEquals(1, run(oldFile.toString(), newFile.toString(), "--key", "site, id"));
    assertEquals(repeated, output());
    assertTrue(repeated.contains("given key site, id"), repeated);
    out.reset();
    assertEquals(2, run(oldFile.toString(), newFile.toString(), "--key", " , "));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--key needs a value"));
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
  void anEmptyInputIsOneClearErrorAndNoReport() {
    Path empty = Files2.write(directory, "empty.csv", "");

    assertEquals(2, run(empty.toString(), newFile.toString(), "--format", "json"));
    assertEquals("", output());
    assertEquals(
        "fabrique diff: empty.csv is empty: it holds no table to compare\n",
        err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
  }

  @Test
  void anInternalFailureIsLoggedAndSaidToBeInternalNotBadInput() {
    List<RuntimeException> logged = new java.util.ArrayList<>();
    int status =
        new DiffCommandLine(
                (left, right, options) -> {
                  throw new IllegalStateException("a bug");
                },
                logged::add,
                java.util.function.UnaryOperator.identity())
            .run(
                List.of(oldFile.toString(), newFile.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(2, status);
    assertEquals(1, logged.size());
    assertEquals("a bug", logged.get(0).getMessage());
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        message.startsWith("fabrique diff: internal error (IllegalStateException)"), message);
    assertTrue(!message.contains("bad input") && !message.contains("\tat "), message);
  }

  @Test
  void maxRowsCapsTheDaffViewSpreadOverEditsAdditionsAndRemovalsAndSaysSo() {
    StringBuilder before = new StringBuilder("id,v\n");
    StringBuilder after = new StringBuilder("id,v\n");
    for (int row = 0; row < 30; row++) {
      before.append(row).append(",a").append(row).append('\n');
      if (row < 20) {
        after.append(row).append(",b").append(row).append('\n');
      }
    }
    for (int row = 100; row < 110; row++) {
      after.append(row).append(",c").append(row).append('\n');
    }
    Path left = Files2.write(directory, "left.csv", before.toString());
    Path right = Files2.write(directory, "right.csv", after.toString());

    assertEquals(
        1,
        run(
            left.toString(),
            right.toString(),
            "--key",
            "id",
            "--format",
            "daff",
            "--max-rows",
            "9"));

    List<String> lines = output().replace("\r\n", "\n").lines().toList();
    assertEquals(1 + 9 + 1, lines.size(), output());
    assertEquals(3, lines.stream().filter(line -> line.startsWith("->,")).count());
    assertEquals(3, lines.stream().filter(line -> line.startsWith("+++,")).count());
    assertEquals(3, lines.stream().filter(line -> line.startsWith("---,")).count());
    assertEquals("...,...,...", lines.get(lines.size() - 1));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains(
                "holds 9 of 40 changed rows (at most 9, --max-rows): 3 of 20 edited, 3 of 10"
                    + " added, 3 of 10 removed."),
        () -> err.toString(StandardCharsets.UTF_8));

    out.reset();
    assertEquals(1, run(left.toString(), right.toString(), "--key", "id", "--max-rows=9"));
    assertTrue(
        output().contains("The cell-level view (daff) holds 9 of 40 changed rows"), output());
  }

  @Test
  void maxRowsMustBeANumber() {
    assertEquals(2, run(oldFile.toString(), newFile.toString(), "--max-rows", "many"));
    assertEquals(2, run(oldFile.toString(), newFile.toString(), "--max-rows", "-3"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--max-rows needs a number"));
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

  @Test
  void helpListsEveryOption() {
    assertEquals(0, run("--help"));

    String help = output();
    assertTrue(help.startsWith(DiffCommandLine.USAGE + "\n\n"), help);
    for (String option : List.of("--key COL", "--format FORMAT", "--max-rows N", "--out FILE")) {
      assertTrue(help.contains("\n  " + option + " "), option + " in " + help);
    }
    assertTrue(help.contains("Exit codes: 0"), help);
  }

  @Test
  void refusalsAreWrittenByTheWordingGiven() {
    int status =
        new DiffCommandLine(
                new org.fabrique.diff.DatasetDiff(),
                failure -> {},
                english -> english.startsWith("No such file: ") ? "Fichier introuvable" : english)
            .run(
                List.of(directory.resolve("missing.csv").toString(), newFile.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(2, status);
    assertEquals(
        "fabrique diff: Fichier introuvable\n",
        err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
  }
}
