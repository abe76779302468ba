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
    Result deleted = run("journey", "queries", "--inquiry", inquiry, "--delete", "Uses");
    assertEquals(0, deleted.exitCode(), deleted.err());
    assertEquals("Deleted the query Uses\n", deleted.err());
    assertEquals("", run("journey", "queries", "--inquiry", inquiry).out());
    assertEquals(2, run("journey", "query", "--inquiry", inquiry, "--saved", "Uses").exitCode());
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

  @Test
  void theQueryGoesOutThroughTheRedactionProfileTeamByDefault() throws Exception {
    String[] query = {
      "journey",
      "query",
      "--inquiry",
      inquiry,
      "--kind",
      "choice",
      "--domain",
      "genomics",
      "--format",
      "json"
    };
    JsonNode team = json(query);
    assertTrue(team.size() > 0);
    assertTrue(team.toString().contains("I proposed to publish aggregate allele frequencies"));
    List<String> withPublic = new ArrayList<>(List.of(query));
    withPublic.addAll(List.of("--profile", "public"));
    Result result = run(withPublic.toArray(String[]::new));
    assertEquals(0, result.exitCode(), result.err());
    JsonNode rows = JSON.readTree(result.out());
    assertEquals(team.size(), rows.size(), "the elements are internal: they go out");
    for (JsonNode row : rows) {
      assertEquals(0, row.get("quotes").size(), "the interviews are confidential: " + row);
    }
    assertTrue(result.err().contains("Redaction profile: public"), result.err());
    assertEquals(2, run("journey", "query", "--inquiry", inquiry, "--profile", "all").exitCode());
  }

  @Test
  void aCaseDossierIsWrittenAsPdfOrHtml() throws Exception {
    String genomics;
    try (Workbench workbench = Workbench.embedded(temp.resolve("data"))) {
      genomics =
          Long.toString(
              workbench
                  .fabrique()
                  .inquiries()
                  .cases(new org.fabrique.core.inquiry.InquiryId(Long.parseLong(inquiry)))
                  .stream()
                  .filter(c -> c.domain() == org.fabrique.core.inquiry.Domain.GENOMICS)
                  .findFirst()
                  .orElseThrow()
                  .id()
                  .value());
    }
    Path html = temp.resolve("dossier.html");
    Result written =
        run("dossier", "--case", genomics, "--format", "html", "--lang", "fr", html.toString());
    assertEquals(0, written.exitCode(), written.err());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("Dossier du cas — Biobank genomes"), page.substring(0, 400));
    assertTrue(page.contains("Interview BI02 — bioinformatician, genome platform, 00:02:47"));

    Path pdf = temp.resolve("dossier.pdf");
    assertEquals(0, run("dossier", "--case", genomics, pdf.toString()).exitCode());
    byte[] bytes = Files.readAllBytes(pdf);
    assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));

    assertEquals(2, run("dossier", "--case", genomics, "--format", "docx", "x").exitCode());
    assertEquals(2, run("dossier", "--case", genomics, "--lang", "de", "x").exitCode());
    assertEquals(2, run("dossier", "--case", "987654321", pdf.toString()).exitCode());
  }

  @Test
  void theMatrixCountsOnlyTheEvidenceOfAJourneyQueryWhenGivenOne() throws Exception {
    Path all = temp.resolve("all.csv");
    Path uses = temp.resolve("uses.csv");
    assertEquals(
        0,
        run(
                "matrix",
                "--inquiry",
                inquiry,
                "--cols",
                "cases",
                "--profile",
                "internal",
                all.toString())
            .exitCode());
    Result filtered =
        run(
            "matrix",
            "--inquiry",
            inquiry,
            "--cols",
            "cases",
            "--profile",
            "internal",
            "--journey",
            "kind=choice",
            "--journey",
            "dimension=uses",
            uses.toString());
    assertEquals(0, filtered.exitCode(), filtered.err());
    long whole = total(Files.readAllLines(all, StandardCharsets.UTF_8));
    long evidence = total(Files.readAllLines(uses, StandardCharsets.UTF_8));
    assertTrue(evidence > 0 && evidence < whole, evidence + " of " + whole);
    assertEquals(
        2,
        run("matrix", "--inquiry", inquiry, "--cols", "cases", "--journey", "colour=blue", "x.csv")
            .exitCode());
  }

  /** The sum of the numbers of a CSV matrix (its first row and column are labels). */
  private static long total(List<String> lines) {
    long sum = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      for (int i = 1; i < cells.length; i++) {
        String cell = cells[i].replace("\"", "").strip();
        if (cell.matches("\\d+")) {
          sum += Long.parseLong(cell);
        }
      }
    }
    return sum;
  }
}
