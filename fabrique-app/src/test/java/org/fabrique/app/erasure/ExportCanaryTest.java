package org.fabrique.app.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.analysis.AnalysisScope;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.analysis.MatrixColumns;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.exchange.QdaExchange;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.Span;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.search.DocumentKind;
import org.fabrique.core.search.KwicLine;
import org.fabrique.core.search.SearchFilters;
import org.fabrique.core.search.SearchMode;
import org.fabrique.diff.DatasetDiff;
import org.fabrique.diff.DiffOptions;
import org.fabrique.diff.report.DiffReport;
import org.fabrique.diff.report.ReportFormat;
import org.fabrique.diff.report.ReportRedaction;
import org.fabrique.diff.report.ReportWriters;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.JourneySnapshots;
import org.fabrique.formats.journey.RedactionProfile;
import org.fabrique.formats.openlineage.OpenLineageExporter;
import org.fabrique.formats.prov.ProvExporter;
import org.fabrique.formats.prov.ProvFormat;
import org.fabrique.formats.table.CodingsCsvExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transcripts carrying canary names, the assistant's suggestions accepted: the exports wired to the
 * redaction profiles carry no canary under team and public.
 */
class ExportCanaryTest {
  private static final String CANARY = "Zoltravinska";
  private static final String SECRET_CANARY = "Quenthorpe";

  @TempDir Path temp;

  @Test
  void noCanaryLeavesThroughACodingsExportUnderTeamOrPublic() throws Exception {
    Path file = temp.resolve("entretien.txt");
    Files.writeString(
        file,
        "Enquêtrice : Bonjour.\nMme "
            + CANARY
            + " : Je suis suivie au CHU de Rennes depuis le 14 mars 2019, j'ai 93 ans.\n");
    Path secret = temp.resolve("secret.txt");
    Files.writeString(secret, "Le dossier de M. " + SECRET_CANARY + " reste secret.\n");
    try (Workbench workbench = Workbench.embedded(temp.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      var user = fabrique.users().defaultUser();
      var inquiry = fabrique.inquiries().create("Cohorte", "");
      Source source =
          fabrique
              .corpus()
              .importFile(inquiry.id(), user.id(), ImportRequest.of("entretien.txt", file));
      Source hidden =
          fabrique
              .corpus()
              .importFile(
                  inquiry.id(),
                  user.id(),
                  new ImportRequest(
                      "secret.txt",
                      secret,
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      Confidentiality.SECRET));
      var code =
          fabrique
              .coding()
              .createCode(inquiry.id(), user.id(), CodingService.NewCode.named("Soins"));
      String text = fabrique.corpus().text(source.id()).text();
      int start = text.indexOf("Mme");
      fabrique.coding().code(user.id(), source.id(), start, text.indexOf(" depuis"), code.id());
      fabrique.coding().code(user.id(), hidden.id(), 0, 20, code.id());
      fabrique
          .redactions()
          .suggest(inquiry.id(), Optional.empty())
          .forEach(r -> fabrique.redactions().accept(user.id(), r.id()));

      String internal = export(fabrique, inquiry.id(), ExportProfile.INTERNAL);
      assertTrue(internal.contains(CANARY));
      for (ExportProfile profile : new ExportProfile[] {ExportProfile.TEAM, ExportProfile.PUBLIC}) {
        ExportScope scope = fabrique.redactions().scope(inquiry.id(), profile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CodingsCsvExporter(fabrique).write(inquiry.id(), scope, out);
        byte[] bytes = out.toByteArray();
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(DataDirectoryScan.contains(bytes, CANARY), profile.name() + ": " + csv);
        assertFalse(DataDirectoryScan.contains(bytes, SECRET_CANARY), profile.name() + ": " + csv);
        if (profile == ExportProfile.TEAM) {
          // the confidential interview goes out pseudonymised, the secret file is left out
          assertTrue(csv.contains("Mme Person 1 : Je suis suivie au [HOSPITAL]"), csv);
          assertEquals(1, scope.report().sourcesLeftOut(), scope.report().lines().toString());
          assertEquals(2, scope.report().passagesReplaced(), scope.report().lines().toString());
        } else {
          // public leaves confidential material out too
          assertEquals(2, scope.report().sourcesLeftOut(), scope.report().lines().toString());
        }
      }
    }
  }

  @Test
  void noCanaryLeavesThroughAProjectOrACodebookUnderTeamOrPublic() throws Exception {
    Path file = temp.resolve("entretien.txt");
    Files.writeString(
        file,
        "Enquêtrice : Bonjour.\nMme "
            + CANARY
            + " : Je suis suivie au CHU de Rennes depuis le 14 mars 2019, j'ai 93 ans.\n");
    Path notes = temp.resolve("notes.txt");
    Files.writeString(notes, "Notes de terrain : Mme " + CANARY + " est venue seule.\n");
    Path secret = temp.resolve("secret.txt");
    Files.writeString(secret, "Le dossier de M. " + SECRET_CANARY + " reste secret.\n");
    try (Workbench workbench = Workbench.embedded(temp.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      var user = fabrique.users().defaultUser();
      var inquiry = fabrique.inquiries().create("Cohorte", "");
      Source source =
          fabrique
              .corpus()
              .importFile(inquiry.id(), user.id(), ImportRequest.of("entretien.txt", file));
      Source open =
          fabrique
              .corpus()
              .importFile(
                  inquiry.id(), user.id(), level(notes, "notes.txt", Confidentiality.INTERNAL));
      Source hidden =
          fabrique
              .corpus()
              .importFile(
                  inquiry.id(),
                  user.id(),
                  level(secret, "dossier " + SECRET_CANARY + ".txt", Confidentiality.SECRET));
      var code =
          fabrique
              .coding()
              .createCode(
                  inquiry.id(),
                  user.id(),
                  new CodingService.NewCode(
                      "Soins",
                      Optional.empty(),
                      Optional.empty(),
                      "Comme dit Mme " + CANARY,
                      true));
      String text = fabrique.corpus().text(source.id()).text();
      fabrique
          .coding()
          .code(user.id(), source.id(), text.indexOf("Mme"), text.indexOf(" depuis"), code.id());
      fabrique.coding().code(user.id(), open.id(), 0, 30, code.id());
      fabrique.coding().code(user.id(), hidden.id(), 0, 20, code.id());
      var journeys = fabrique.journeys();
      Actor nurse =
          new Actor(
              new ElementHeader(
                  journeys.newId(),
                  inquiry.id(),
                  Optional.empty(),
                  "Infirmière",
                  "Travaille avec Mme " + CANARY,
                  KnownBy.DECLARED,
                  Confidentiality.INTERNAL),
              ActorType.PERSON,
              Optional.of("Mme " + CANARY));
      journeys.create(user.id(), nurse);
      journeys.addEvidence(
          user.id(), nurse.id(), open.id(), Optional.of(new Span(0, 30)), "Mme " + CANARY);
      journeys.create(
          user.id(),
          new Actor(
              new ElementHeader(
                  journeys.newId(),
                  inquiry.id(),
                  Optional.empty(),
                  "Dossier " + SECRET_CANARY,
                  "",
                  KnownBy.DECLARED,
                  Confidentiality.SECRET),
              ActorType.PERSON,
              Optional.empty()));
      journeys.create(
          user.id(),
          new Intervention(
              new ElementHeader(
                  journeys.newId(),
                  inquiry.id(),
                  Optional.empty(),
                  "Saisie par Mme " + CANARY,
                  "Mme " + CANARY + " saisit le dossier",
                  KnownBy.DECLARED,
                  Confidentiality.INTERNAL),
              "extraction",
              List.of(),
              List.of(),
              Optional.empty(),
              Optional.empty(),
              "",
              List.of(),
              List.of(),
              "",
              java.util.Map.of()));
      fabrique
          .memos()
          .write(
              inquiry.id(),
              user.id(),
              new ItemRef(ItemKind.SOURCE, source.id().value()),
              "Entretien",
              "Mme " + CANARY + " parle vite.");
      fabrique
          .memos()
          .write(
              inquiry.id(),
              user.id(),
              new ItemRef(ItemKind.SOURCE, hidden.id().value()),
              "Dossier",
              "M. " + SECRET_CANARY + ".");
      fabrique
          .redactions()
          .suggest(inquiry.id(), Optional.empty())
          .forEach(r -> fabrique.redactions().accept(user.id(), r.id()));

      ByteArrayOutputStream asStored = new ByteArrayOutputStream();
      new ProvExporter()
          .write(
              JourneySnapshots.of(fabrique, inquiry.id()),
              RedactionProfile.of(
                  fabrique.redactions().scope(inquiry.id(), ExportProfile.INTERNAL)),
              ProvFormat.PROVN,
              asStored);
      assertTrue(DataDirectoryScan.contains(asStored.toByteArray(), CANARY));
      Path internal = temp.resolve("internal.qdpx");
      fabrique
          .qda()
          .exportProject(
              inquiry.id(),
              internal,
              fabrique.redactions().scope(inquiry.id(), ExportProfile.INTERNAL),
              ImportProgress.NONE);
      assertTrue(DataDirectoryScan.contains(unzipped(internal), CANARY));
      assertTrue(DataDirectoryScan.contains(unzipped(internal), SECRET_CANARY));
      for (ExportProfile profile : new ExportProfile[] {ExportProfile.TEAM, ExportProfile.PUBLIC}) {
        Path project = temp.resolve(profile.name() + ".qdpx");
        fabrique
            .qda()
            .exportProject(
                inquiry.id(),
                project,
                fabrique.redactions().scope(inquiry.id(), profile),
                ImportProgress.NONE);
        Path codebook = temp.resolve(profile.name() + ".qdc");
        fabrique
            .qda()
            .exportCodebook(
                inquiry.id(), codebook, fabrique.redactions().scope(inquiry.id(), profile));
        for (byte[] bytes :
            List.of(
                unzipped(project),
                Files.readAllBytes(QdaExchange.reportPath(project)),
                Files.readAllBytes(codebook),
                Files.readAllBytes(QdaExchange.reportPath(codebook)))) {
          String out = new String(bytes, StandardCharsets.UTF_8);
          assertFalse(DataDirectoryScan.contains(bytes, CANARY), profile.name() + ": " + out);
          assertFalse(
              DataDirectoryScan.contains(bytes, SECRET_CANARY), profile.name() + ": " + out);
        }
        ExportScope scope = fabrique.redactions().scope(inquiry.id(), profile);
        for (MatrixColumns columns : List.of(MatrixColumns.sources(), MatrixColumns.cases())) {
          Matrix matrix =
              scope.matrix(
                  fabrique
                      .analysis()
                      .matrix(inquiry.id(), columns, scope.analysis(AnalysisScope.everything())));
          ByteArrayOutputStream table = new ByteArrayOutputStream();
          fabrique
              .matrixExport()
              .write(matrix, Matrix.Measure.SEGMENTS, MatrixExport.Format.CSV, table);
          assertFalse(
              DataDirectoryScan.contains(table.toByteArray(), SECRET_CANARY),
              table.toString(StandardCharsets.UTF_8));
          assertFalse(
              DataDirectoryScan.contains(table.toByteArray(), CANARY),
              table.toString(StandardCharsets.UTF_8));
        }
        JourneySnapshot snapshot = JourneySnapshots.of(fabrique, inquiry.id());
        for (ProvFormat format : ProvFormat.values()) {
          ByteArrayOutputStream prov = new ByteArrayOutputStream();
          new ProvExporter().write(snapshot, RedactionProfile.of(scope), format, prov);
          String written = prov.toString(StandardCharsets.UTF_8);
          assertTrue(written.contains("Infirmi"), format + ": " + written);
          assertFalse(
              DataDirectoryScan.contains(prov.toByteArray(), CANARY), format + ": " + written);
          assertFalse(DataDirectoryScan.contains(prov.toByteArray(), SECRET_CANARY), written);
        }
        ByteArrayOutputStream lineage = new ByteArrayOutputStream();
        assertEquals(
            1,
            new OpenLineageExporter().writeNdjson(snapshot, RedactionProfile.of(scope), lineage));
        assertFalse(
            DataDirectoryScan.contains(lineage.toByteArray(), CANARY),
            lineage.toString(StandardCharsets.UTF_8));
        String report = Files.readString(QdaExchange.reportPath(project));
        assertTrue(report.contains("Redaction profile: " + profile.name()), report);
        String qde = new String(unzipped(project), StandardCharsets.UTF_8);
        // the internal field notes always go out, redacted; the interview only under team
        assertTrue(qde.contains("name=\"notes\""), qde);
        assertEquals(profile == ExportProfile.TEAM, qde.contains("name=\"entretien\""), qde);
      }
      searchResultsAndDiffReportsCarryNoCanary(fabrique, inquiry.id());
    }
  }

  /**
   * Search results (the search page, the API and {@code fabrique search} take them from this call)
   * and comparison reports as served under team and public (the web serves them through {@link
   * ReportRedaction} in the same way).
   */
  private void searchResultsAndDiffReportsCarryNoCanary(
      Fabrique fabrique, org.fabrique.core.inquiry.InquiryId inquiry) throws Exception {
    SearchFilters everywhere = SearchFilters.none().withKinds(EnumSet.allOf(DocumentKind.class));
    StringBuilder asStored = new StringBuilder();
    for (KwicLine line :
        fabrique
            .search()
            .search(
                inquiry,
                SearchMode.QUERY,
                CANARY,
                everywhere,
                0,
                100,
                60,
                fabrique.redactions().scope(inquiry, ExportProfile.INTERNAL))
            .lines()) {
      asStored.append(line.keyword());
    }
    assertTrue(asStored.toString().contains(CANARY), "the test must find the canary as stored");
    for (ExportProfile profile : new ExportProfile[] {ExportProfile.TEAM, ExportProfile.PUBLIC}) {
      ExportScope scope = fabrique.redactions().scope(inquiry, profile);
      StringBuilder hits = new StringBuilder();
      for (String query :
          List.of(CANARY, SECRET_CANARY, "suivie", "parle", "venue", "Notes", "dossier")) {
        for (SearchMode mode : SearchMode.values()) {
          for (KwicLine line :
              fabrique
                  .search()
                  .search(inquiry, mode, query, everywhere, 0, 100, 60, scope)
                  .lines()) {
            hits.append(line.title())
                .append(" | ")
                .append(line.left())
                .append('[')
                .append(line.keyword())
                .append(']')
                .append(line.right())
                .append('\n');
          }
        }
      }
      String out = hits.toString();
      assertTrue(out.contains("venue seule"), profile.name() + ": " + out);
      assertFalse(out.contains("Zoltrav"), profile.name() + ": " + out);
      assertFalse(out.contains(SECRET_CANARY), profile.name() + ": " + out);
      assertEquals(profile == ExportProfile.TEAM, out.contains("suivie"), out);
    }

    StringBuilder old = new StringBuilder("id,nom,avis de Mme " + CANARY + "\n");
    StringBuilder released = new StringBuilder("id,nom,avis de Mme " + CANARY + "\n");
    for (int row = 0; row < 60; row++) {
      String name = row % 4 == 0 ? CANARY : row % 4 == 1 ? SECRET_CANARY : "Martin" + row;
      old.append(row).append(',').append(name).append(',').append(row % 5).append('\n');
      if (row % 6 != 5) {
        released.append(row).append(",P").append(row * 31).append(',').append(row % 5);
        released.append('\n');
      }
    }
    Path oldFile = Files.writeString(temp.resolve(CANARY + "-v1.csv"), old);
    Path newFile = Files.writeString(temp.resolve(CANARY + "-v2.csv"), released);
    DiffReport report =
        new DatasetDiff().compare(oldFile, newFile, DiffOptions.withKey(List.of("id")));
    assertTrue(DataDirectoryScan.contains(allFormats(report), CANARY));
    for (ExportProfile profile : new ExportProfile[] {ExportProfile.TEAM, ExportProfile.PUBLIC}) {
      ExportScope scope = fabrique.redactions().scope(inquiry, profile);
      byte[] served = allFormats(ReportRedaction.withoutValues(report, scope::freeText));
      String out = new String(served, StandardCharsets.UTF_8);
      assertFalse(DataDirectoryScan.contains(served, CANARY), profile.name() + ": " + out);
      assertFalse(DataDirectoryScan.contains(served, SECRET_CANARY), profile.name() + ": " + out);
    }
  }

  private static byte[] allFormats(DiffReport report) {
    StringBuilder all = new StringBuilder();
    for (ReportFormat format : ReportFormat.values()) {
      java.io.StringWriter out = new java.io.StringWriter();
      ReportWriters.write(report, format, out);
      all.append(out);
    }
    return all.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static ImportRequest level(Path file, String name, Confidentiality level) {
    return new ImportRequest(
        name,
        file,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        level);
  }

  /** Every entry of a zip file, unzipped, one after the other. */
  private static byte[] unzipped(Path zip) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        all.write(entry.getName().getBytes(StandardCharsets.UTF_8));
        in.transferTo(all);
      }
    }
    return all.toByteArray();
  }

  private static String export(
      Fabrique fabrique, org.fabrique.core.inquiry.InquiryId inquiry, ExportProfile profile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CodingsCsvExporter(fabrique)
        .write(inquiry, fabrique.redactions().scope(inquiry, profile), out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
