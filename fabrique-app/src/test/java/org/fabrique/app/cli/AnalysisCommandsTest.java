package org.fabrique.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.corpus.SourceMetadata;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisCommandsTest {
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

  @BeforeEach
  void codeTwoSourcesWithTwoCoders() throws Exception {
    Path note = temp.resolve("note.txt");
    Files.writeString(
        note,
        "The steward pseudonymised the extract.\nThe committee refused access to the raw data.\n");
    try (Workbench workbench = Workbench.embedded(temp.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      User anne = fabrique.users().ensure("anne", "Anne");
      User bruno = fabrique.users().ensure("bruno", "Bruno");
      Inquiry created = fabrique.inquiries().create("Registry", "");
      inquiry = created.id().toString();
      Case registry =
          fabrique
              .inquiries()
              .createCase(created.id(), anne.id(), "Registry", Domain.values()[1], "");
      Source source =
          fabrique
              .corpus()
              .importFile(
                  created.id(),
                  anne.id(),
                  ImportRequest.of("note.txt", note).withCase(registry.id()));
      Code refusal =
          fabrique
              .coding()
              .createCode(created.id(), anne.id(), CodingService.NewCode.named("refusal"));
      fabrique.coding().code(anne.id(), source.id(), 39, 84, refusal.id());
      fabrique.coding().code(bruno.id(), source.id(), 39, 84, refusal.id());
      Code pseudo =
          fabrique
              .coding()
              .createCode(created.id(), anne.id(), CodingService.NewCode.named("pseudonymisation"));
      fabrique.coding().code(anne.id(), source.id(), 0, 38, pseudo.id());
    }
  }

  @Test
  void searchPrintsAConcordanceOrJson() {
    Result text = run("search", "--inquiry", inquiry, "refuse", "--context", "10");
    assertEquals(0, text.exitCode(), text.err());
    assertEquals("note\t53-60\tcommittee [refused] access to\n", text.out());
    assertTrue(text.err().startsWith("1 hits in 1 documents"), text.err());
    Result json = run("search", "--inquiry", inquiry, "\"raw data\"", "--json");
    assertTrue(json.out().contains("\"keyword\" : \"raw data\""), json.out());
    Result bad = run("search", "--inquiry", inquiry, "refused AND");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("malformed at character 12"), bad.err());
  }

  @Test
  void reindexRebuildsTheIndex() {
    Result result = run("reindex", "--inquiry", inquiry);
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("3 documents indexed"), result.out());
  }

  @Test
  void matrixWritesCsvAndXlsx() throws Exception {
    Path csv = temp.resolve("m.csv");
    Result result =
        run("matrix", "--inquiry", inquiry, "--rows", "codes", "--cols", "cases", csv.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        "Code / Case (segments),Registry\r\nrefusal,1\r\npseudonymisation,1\r\n",
        Files.readString(csv));
    Path xlsx = temp.resolve("m.xlsx");
    assertEquals(
        0,
        run(
                "matrix",
                "--inquiry",
                inquiry,
                "--cols",
                "codes",
                "--within",
                "5",
                "--format",
                "xlsx",
                xlsx.toString())
            .exitCode());
    assertTrue(Files.size(xlsx) > 0);
    assertEquals(
        2, run("matrix", "--inquiry", inquiry, "--cols", "region", csv.toString()).exitCode());
  }

  @Test
  void agreementPrintsEachCodeAndTheWhole() {
    Result result = run("agreement", "--inquiry", inquiry, "--coders", "anne,bruno");
    assertEquals(0, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals("code\tunits\tpercent\tkappa\talpha", lines.get(0));
    assertEquals("refusal\t85\t1.000\t1.000\t1.000", lines.get(1));
    assertTrue(lines.get(2).startsWith("pseudonymisation\t85\t0.553\t0.000\t"), lines.get(2));
    Result json = run("agreement", "--inquiry", inquiry, "--json", "--level", "segment");
    assertTrue(json.out().contains("\"coders\" : [ \"anne\", \"bruno\" ]"), json.out());
  }

  /** A second source, an interview dated a year later on site Lyon, coded by anne only. */
  private void addADatedInterview() throws Exception {
    Path minutes = temp.resolve("minutes.txt");
    Files.writeString(minutes, "The registry refused the linkage.\n");
    try (Workbench workbench = Workbench.embedded(temp.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      User anne = fabrique.users().ensure("anne", "Anne");
      InquiryId id = new InquiryId(Long.parseLong(inquiry));
      Source note = fabrique.corpus().list(id).get(0);
      Source interview =
          fabrique
              .corpus()
              .importFile(
                  id,
                  anne.id(),
                  ImportRequest.of("minutes.txt", minutes)
                      .withKind(SourceKind.INTERVIEW)
                      .withDate(LocalDate.of(2024, 5, 1)));
      SourceMetadata old = note.metadata();
      fabrique
          .corpus()
          .updateMetadata(
              anne.id(),
              note.id(),
              new SourceMetadata(
                  old.title(),
                  SourceKind.FIELD_NOTE,
                  Optional.of(LocalDate.of(2023, 3, 1)),
                  old.language(),
                  old.caseId(),
                  old.confidentiality()));
      AttributeDefinition site =
          fabrique
              .attributes()
              .define(id, anne.id(), "site", AttributeType.TEXT, AttributeScope.SOURCE, "");
      fabrique.attributes().setValue(anne.id(), site.id(), note.id().value(), "Rennes");
      fabrique.attributes().setValue(anne.id(), site.id(), interview.id().value(), "Lyon");
      Code refusal =
          fabrique.coding().codes(id).stream()
              .filter(c -> c.name().equals("refusal"))
              .findFirst()
              .orElseThrow();
      fabrique.coding().code(anne.id(), interview.id(), 0, 33, refusal.id());
    }
  }

  private String titles(String... options) {
    List<String> args = new ArrayList<>(List.of("search", "--inquiry", inquiry, "refused"));
    args.addAll(List.of(options));
    Result result = run(args.toArray(String[]::new));
    assertEquals(0, result.exitCode(), result.err());
    return String.join(
        ",", result.out().lines().map(l -> l.split("\t")[0]).distinct().sorted().toList());
  }

  @Test
  void eachSearchFilterNarrowsTheHits() throws Exception {
    addADatedInterview();
    assertEquals("minutes,note", titles());
    assertEquals("minutes", titles("--from", "2024-01-01"));
    assertEquals("note", titles("--to", "2023-12-31"));
    assertEquals("minutes", titles("--attribute", "site=Lyon"));
    assertEquals("note", titles("--attribute", "site=Rennes"));
    assertEquals("minutes", titles("--kind", "interview"));
    assertEquals("note", titles("--kind", "field-note"));
    assertEquals("minutes,note", titles("--coder", "anne"));
    assertEquals("note", titles("--coder", "bruno"));
    assertEquals("note", titles("--coder", "bruno", "--from", "2023-01-01"));
    assertEquals("", titles("--coder", "bruno", "--from", "2024-01-01"));
  }

  @Test
  void badSearchFiltersAreRefusedWithAMessage() throws Exception {
    addADatedInterview();
    Result date = run("search", "--inquiry", inquiry, "refused", "--from", "2024-13-01");
    assertEquals(2, date.exitCode());
    assertTrue(date.err().contains("The date --from is written YYYY-MM-DD"), date.err());
    Result range =
        run(
            "search",
            "--inquiry",
            inquiry,
            "refused",
            "--from",
            "2024-02-01",
            "--to",
            "2024-01-01");
    assertEquals(2, range.exitCode());
    assertTrue(range.err().contains("ends before it starts"), range.err());
    Result coder = run("search", "--inquiry", inquiry, "refused", "--coder", "nobody");
    assertEquals(2, coder.exitCode());
    assertTrue(coder.err().contains("no coder with login nobody"), coder.err());
    Result attribute = run("search", "--inquiry", inquiry, "refused", "--attribute", "site");
    assertEquals(2, attribute.exitCode());
    assertTrue(attribute.err().contains("NAME=VALUE"), attribute.err());
    Result unknown = run("search", "--inquiry", inquiry, "refused", "--attribute", "region=x");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("no attribute named region"), unknown.err());
    Result kind = run("search", "--inquiry", inquiry, "refused", "--kind", "podcast");
    assertEquals(2, kind.exitCode());
    assertTrue(kind.err().contains("Unknown kind of source podcast"), kind.err());
  }
}
