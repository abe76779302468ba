package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabrique.app.Workbench;
import org.fabrique.app.demo.DemoInquiry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyQueryCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;
  private String inquiry;

  private record Result(int exitCode, String out, String err) {}

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data");
    all.add(temp.resolve("data").toString());
    int code =
        FabriqueCommand.run(
            all.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private JsonNode json(String... args) throws Exception {
    Result result = run(args);
    assertEquals(0, result.exitCode(), result.err());
    return JSON.readTree(result.out());
  }

  @BeforeEach
  void demo() {
    try (Workbench workbench = Workbench.embedded(temp.resolve("data"))) {
      inquiry = Long.toString(new DemoInquiry(workbench.fabrique()).load().id().value());
    }
  }

  @Test
  void regulationChoicesComeWithTheirActorsAndQuotesInEveryFormat() throws Exception {
    JsonNode rows =
        json(
            "journey",
            "query",
            "--inquiry",
            inquiry,
            "--kind",
            "choice",
            "--dimension",
            "regulation",
            "--format",
            "json");
    assertTrue(rows.size() > 0);
    boolean dpo = false;
    boolean quoted = false;
    for (JsonNode row : rows) {
      assertEquals("choice", row.get("kind").asText());
      assertTrue(row.get("dimensions").toString().contains("regulation"));
      dpo |= row.get("actors").toString().contains("data-protection-officer");
      for (JsonNode quote : row.get("quotes")) {
        quoted |= !quote.get("text").asText().isEmpty() && quote.has("citation");
      }
    }
    assertTrue(dpo, rows.toString());
    assertTrue(quoted, rows.toString());

    Result csv =
        run(
            "journey",
            "query",
            "--inquiry",
            inquiry,
            "--kind",
            "choice",
            "--dimension",
            "regulation",
            "--format",
            "csv");
    assertEquals(0, csv.exitCode(), csv.err());
    assertTrue(csv.out().startsWith("id,kind,label,case,domain,"), csv.out());
    Result markdown =
        run("journey", "query", "--inquiry", inquiry, "--kind", "tension", "--format", "md");
    assertTrue(markdown.out().startsWith("| id | kind | label |"), markdown.out());
    Result table = run("journey", "query", "--inquiry", inquiry, "--kind", "choice");
    assertTrue(table.out().startsWith("#"), table.out());
    assertTrue(table.out().contains("  actor: "), table.out());

    Path xlsx = temp.resolve("choices.xlsx");
    Result written =
        run(
            "journey",
            "query",
            "--inquiry",
            inquiry,
            "--kind",
            "choice",
            "--format",
            "xlsx",
            "--output",
            xlsx.toString());
    assertEquals(0, written.exitCode(), written.err());
    assertTrue(Files.size(xlsx) > 1000);
    assertEquals(
        2,
        run("journey", "query", "--inquiry", inquiry, "--format", "xlsx").exitCode(),
        "an xlsx table needs a file");
  }

  @Test
  void countsByDomainAndSavedQueries() throws Exception {
    Result counts =
        run(
            "journey",
            "query",
            "--inquiry",
            inquiry,
            "--kind",
            "choice",
            "--role",
            "decided",
            "--count-by",
            "domain",
            "--format",
            "csv");
    assertEquals(0, counts.exitCode(), counts.err());
    assertTrue(counts.out().contains("ai-model"), counts.out());
    assertTrue(counts.out().lines().anyMatch(l -> l.startsWith("all,")), counts.out());

    int all =
        json(
                "journey",
                "query",
                "--inquiry",
                inquiry,
                "--kind",
                "choice",
                "--dimension",
                "uses",
                "--format",
                "json",
                "--save",
                "Uses")
            .size();
    Result listed = run("journey", "queries", "--inquiry", inquiry);
    assertEquals("Uses\tkind=choice&dimension=uses\n", listed.out());
    assertEquals(
        all,
        json("journey", "query", "--inquiry", inquiry, "--saved", "Uses", "--format", "json")
            .size());
    assertEquals(0, run("journey", "queries", "--inquiry", inquiry, "--delete", "Uses").exitCode());
    assertEquals("", run("journey", "queries", "--inquiry", inquiry).out());
    assertEquals(1, run("journey", "query", "--inquiry", inquiry, "--saved", "Uses").exitCode());
  }

  @Test
  void anActorGetsACategoryAndBadFiltersAreRefused() throws Exception {
    JsonNode actors =
        json("journey", "query", "--inquiry", inquiry, "--kind", "actor", "--format", "json");
    String lead = "";
    for (JsonNode actor : actors) {
      if (actor.get("label").asText().equals("Scientific lead")) {
        lead = actor.get("id").asText();
      }
    }
    assertFalse(lead.isEmpty());
    Result set =
        run("journey", "actor", "--actor", lead, "--category", "clinician", "--institution", "CHU");
    assertEquals(0, set.exitCode(), set.err());
    assertEquals(lead + "\tScientific lead\tclinician\tCHU\n", set.out());
    Result unknown = run("journey", "actor", "--actor", lead, "--category", "astronaut");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("astronaut"), unknown.err());

    Result bad =
        run("journey", "query", "--inquiry", inquiry, "--kind", "source", "--from", "yesterday");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("source"), bad.err());
    assertTrue(bad.err().contains("yesterday"), bad.err());
    Result category = run("journey", "query", "--inquiry", inquiry, "--actor-category", "wizard");
    assertEquals(2, category.exitCode());
  }
}
