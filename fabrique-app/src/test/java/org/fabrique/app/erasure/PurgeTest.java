package org.fabrique.app.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.erasure.PurgeReport;
import org.fabrique.core.history.Step;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.Span;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.redaction.Redaction;
import org.fabrique.core.search.SearchFilters;
import org.fabrique.core.search.SearchMode;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A purge leaves no trace of the purged material anywhere in the data directory: database pages
 * (after compaction), stored files, the search index.
 */
class PurgeTest {
  private static final String CANARY = "Zoltravinska";

  @TempDir Path temp;

  @Test
  void noByteOfThePurgedMaterialRemainsInTheDataDirectory() throws Exception {
    Path data = temp.resolve("data");
    Path file = temp.resolve("entretien.txt");
    Files.writeString(
        file,
        "Enquêtrice : Bonjour.\n"
            + "Mme "
            + CANARY
            + " : Je suis née à Vannes, j'ai 93 ans. Mon fils "
            + CANARY
            + "-Dubois m'aide.\n");
    Path other = temp.resolve("autre.txt");
    Files.writeString(other, "Une autre source, sans rien de personnel.\n");
    long sourceId;
    long keptId;
    try (Workbench workbench = Workbench.embedded(data)) {
      Fabrique fabrique = workbench.fabrique();
      User user = fabrique.users().defaultUser();
      Inquiry inquiry = fabrique.inquiries().create("Cohorte", "");
      Source source =
          fabrique
              .corpus()
              .importFile(inquiry.id(), user.id(), ImportRequest.of("entretien.txt", file));
      Source kept =
          fabrique
              .corpus()
              .importFile(inquiry.id(), user.id(), ImportRequest.of("autre.txt", other));
      sourceId = source.id().value();
      keptId = kept.id().value();
      String text = fabrique.corpus().text(source.id()).text();
      int start = text.indexOf(CANARY);
      var code =
          fabrique
              .coding()
              .createCode(inquiry.id(), user.id(), CodingService.NewCode.named("Famille"));
      fabrique
          .coding()
          .code(user.id(), source.id(), start, start + CANARY.length() + 20, code.id());
      fabrique
          .memos()
          .write(
              inquiry.id(),
              user.id(),
              new ItemRef(ItemKind.SOURCE, source.id().value()),
              "Note",
              "Madame " + CANARY + " a demandé à relire.");
      var actor =
          fabrique
              .journeys()
              .create(
                  user.id(),
                  new Actor(
                      ElementHeader.of(
                          fabrique.journeys().newId(), inquiry.id(), null, "Informant F1"),
                      ActorType.PERSON,
                      Optional.empty()));
      fabrique
          .journeys()
          .addEvidence(
              user.id(),
              actor.header().id(),
              source.id(),
              Optional.of(new Span(start, start + CANARY.length())),
              "");
      List<Redaction> suggested = fabrique.redactions().suggest(inquiry.id(), Optional.empty());
      suggested.forEach(r -> fabrique.redactions().accept(user.id(), r.id()));
      assertEquals(
          1,
          fabrique
              .search()
              .search(inquiry.id(), SearchMode.QUERY, CANARY, SearchFilters.none(), 0, 10, 20)
              .documents());
    }
    assertFalse(
        DataDirectoryScan.filesContaining(data, CANARY).isEmpty(),
        "the scan must see the canary before the purge");

    PurgeReport report;
    try (Workbench workbench = Workbench.embedded(data)) {
      Fabrique fabrique = workbench.fabrique();
      var inquiry = fabrique.inquiries().list().get(0);
      report =
          fabrique
              .erasure()
              .purge(
                  fabrique.users().defaultUser().id(),
                  inquiry.id(),
                  List.of(new org.fabrique.core.corpus.SourceId(sourceId)));
      assertEquals(1, report.codings());
      assertEquals(1, report.memos());
      assertEquals(1, report.evidence());
      assertTrue(report.historyLines() >= 4, report.summary());
      // a plain text file is its own plain text: one stored file
      assertEquals(1, report.blobsRemoved());
      assertEquals(0, report.blobsKept());
      assertEquals(
          0,
          fabrique
              .search()
              .search(inquiry.id(), SearchMode.QUERY, CANARY, SearchFilters.none(), 0, 10, 20)
              .documents());
      assertEquals(1, fabrique.corpus().list(inquiry.id()).size());
      assertEquals(keptId, fabrique.corpus().list(inquiry.id()).get(0).id().value());
      // the tombstones say why they cannot be undone
      List<Step> steps = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        fabrique
            .history()
            .undo(inquiry.id(), fabrique.users().defaultUser().id())
            .ifPresent(steps::add);
      }
      assertTrue(
          steps.stream().anyMatch(s -> s.setAside() && s.reason().orElse("").contains("purged")),
          steps.toString());
      assertTrue(
          fabrique.history().recent(inquiry.id(), 50).stream()
              .anyMatch(e -> e.description().startsWith("Purged content")));
    }
    assertEquals(List.of(), DataDirectoryScan.filesContaining(data, CANARY), report.summary());
  }
}
