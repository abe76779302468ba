package org.fabrique.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.search.AutoCodeExtent;
import org.fabrique.core.search.DocumentKind;
import org.fabrique.core.search.Hit;
import org.fabrique.core.search.SearchFilters;
import org.fabrique.core.search.SearchMode;
import org.fabrique.core.search.SearchPage;
import org.fabrique.core.search.SearchService;
import org.fabrique.search.LuceneSearchIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchServiceTest {
  private static final String INTERVIEW =
      "ENQ: Comment le comité a-t-il décidé ?\n"
          + "DM: Le comité a refusé l'accès aux données nominatives.\n"
          + "DM: Les données pseudonymisées restent à l'hôpital.";
  private static final String NOTES = "The registry's data manager explained the consent forms.";

  @TempDir Path dir;
  private Workspace workspace;
  private SearchService search;
  private Source interview;
  private Source notes;
  private Case cohort;

  @BeforeEach
  void setUp() {
    workspace = new Workspace(dir);
    search = workspace.fabrique.search();
    cohort =
        workspace
            .fabrique
            .inquiries()
            .createCase(
                workspace.inquiry.id(), workspace.anne.id(), "Cohort", Domain.values()[0], "");
    interview =
        workspace.source(
            "Entretien DM", "fr", INTERVIEW, SourceKind.INTERVIEW, Optional.of(cohort.id()));
    notes = workspace.source("Notes", "en", NOTES, SourceKind.FIELD_NOTE, Optional.empty());
  }

  @AfterEach
  void tearDown() {
    workspace.close();
  }

  private List<String> find(String query, SearchFilters filters) {
    return search
        .search(workspace.inquiry.id(), SearchMode.QUERY, query, filters, 0, 50, 10)
        .lines()
        .stream()
        .map(l -> l.document().kind().id() + ":" + l.title() + "@" + l.start() + ":" + l.keyword())
        .toList();
  }

  @Test
  void speakerKeepsASearchToTheTurnsOfOneSpeakerOfTheImportedTranscripts() {
    assertEquals(
        List.of("source:Entretien DM@16:comité", "source:Entretien DM@46:comité"),
        find("comite", SearchFilters.none()));
    assertEquals(
        List.of("source:Entretien DM@16:comité"), find("speaker:enq comite", SearchFilters.none()));
    assertEquals(
        List.of("source:Entretien DM@46:comité"), find("comite speaker:DM", SearchFilters.none()));
    Code decision =
        workspace
            .fabrique
            .coding()
            .createCode(
                workspace.inquiry.id(),
                workspace.anne.id(),
                CodingService.NewCode.named("décision"));
    workspace.fabrique.coding().code(workspace.bruno.id(), interview.id(), 10, 60, decision.id());
    SearchFilters segments = SearchFilters.none().withKinds(Set.of(DocumentKind.SEGMENT));
    assertEquals(
        List.of("segment:Entretien DM@16:comité", "segment:Entretien DM@46:comité"),
        find("comite", segments));
    assertEquals(
        List.of("segment:Entretien DM@46:comité"),
        find("speaker:DM comite", segments),
        "a coded segment keeps the parts of the turns it overlaps");
  }

  @Test
  void theIndexIsBuiltOnFirstSearchAndFollowsLaterChanges() {
    assertEquals(
        List.of("source:Entretien DM@74:données", "source:Entretien DM@103:données"),
        find("donnees", SearchFilters.none()));
    Source added =
        workspace.source(
            "Compte rendu", "fr", "Aucune donnée transmise.", SourceKind.OTHER, Optional.empty());
    assertEquals(
        3, find("donnees", SearchFilters.none()).size(), "the new source is found at once");
    workspace.fabrique.corpus().delete(workspace.anne.id(), added.id());
    assertEquals(2, find("donnees", SearchFilters.none()).size(), "and gone once deleted");
    workspace.fabrique.history().undo(workspace.inquiry.id(), workspace.anne.id());
    assertEquals(3, find("donnees", SearchFilters.none()).size(), "undo brings it back");
  }

  @Test
  void filtersByCaseKindCodeAndCoder() {
    Code refusal =
        workspace
            .fabrique
            .coding()
            .createCode(
                workspace.inquiry.id(), workspace.anne.id(), CodingService.NewCode.named("refus"));
    workspace.fabrique.coding().code(workspace.bruno.id(), interview.id(), 44, 95, refusal.id());
    assertEquals(
        List.of("source:Entretien DM@16:comité", "source:Entretien DM@46:comité"),
        find("comite", SearchFilters.none().withCases(Set.of(cohort.id()))));
    assertEquals(
        List.of(),
        find("comite", SearchFilters.none().withSourceKinds(Set.of(SourceKind.FIELD_NOTE))));
    assertEquals(
        List.of("segment:Entretien DM@46:comité"),
        find("comite", SearchFilters.none().withCodes(Set.of(refusal.id()))));
    assertEquals(
        List.of(),
        find(
            "comite",
            SearchFilters.none()
                .withCodes(Set.of(refusal.id()))
                .withCoders(Set.of(workspace.anne.id()))));
  }

  @Test
  void codingChangesAreCaughtUpSegmentBySegmentWithTheDigestsOfAFullBuild() {
    find("comite", SearchFilters.none());
    Code refusal =
        workspace
            .fabrique
            .coding()
            .createCode(
                workspace.inquiry.id(), workspace.anne.id(), CodingService.NewCode.named("refus"));
    search.refresh(workspace.inquiry.id()); // creating a code: a full comparison
    workspace.fabrique.coding().code(workspace.bruno.id(), interview.id(), 44, 95, refusal.id());
    SearchService.Refresh caughtUp = search.refresh(workspace.inquiry.id());
    assertEquals(List.of(1, 0), List.of(caughtUp.updated(), caughtUp.deleted()));
    SearchFilters byCode = SearchFilters.none().withCodes(Set.of(refusal.id()));
    assertEquals(List.of("segment:Entretien DM@46:comité"), find("comite", byCode));
    var incremental = workspace.index.digests(workspace.inquiry.id());
    search.reindex(workspace.inquiry.id());
    assertEquals(incremental, workspace.index.digests(workspace.inquiry.id()));
    workspace.fabrique.history().undo(workspace.inquiry.id(), workspace.bruno.id());
    SearchService.Refresh undone = search.refresh(workspace.inquiry.id());
    assertEquals(List.of(0, 1), List.of(undone.updated(), undone.deleted()));
    assertEquals(List.of(), find("comite", byCode));
  }

  @Test
  void memosAreIndexedToo() {
    workspace
        .fabrique
        .memos()
        .write(
            workspace.inquiry.id(),
            workspace.anne.id(),
            new ItemRef(ItemKind.SOURCE, interview.id().value()),
            "Refus",
            "Relire le passage sur les données nominatives");
    assertEquals(
        List.of("memo:Refus@32:données"),
        find("donnees", SearchFilters.none().withKinds(Set.of(DocumentKind.MEMO))));
  }

  @Test
  void regularExpressionsSearchThePlainTextInCodePoints() {
    SearchPage page =
        search.search(
            workspace.inquiry.id(),
            SearchMode.REGEX,
            "donn[ée]es \\w+",
            SearchFilters.none(),
            0,
            10,
            5);
    assertEquals(2, page.hits());
    assertEquals("données nominatives", page.lines().get(0).keyword());
    assertEquals(74, page.lines().get(0).start());
    InvalidInputException bad =
        assertThrows(
            InvalidInputException.class,
            () ->
                search.search(
                    workspace.inquiry.id(),
                    SearchMode.REGEX,
                    "donn(ées",
                    SearchFilters.none(),
                    0,
                    10,
                    5));
    assertTrue(
        bad.getMessage().startsWith("The regular expression is malformed at character"),
        bad.getMessage());
  }

  @Test
  void autoCodingCodesEveryHitInOneOperationThatOneUndoTakesBack() {
    Code data =
        workspace
            .fabrique
            .coding()
            .createCode(
                workspace.inquiry.id(),
                workspace.anne.id(),
                CodingService.NewCode.named("données"));
    SearchService.AutoCoded done =
        search.autoCode(
            workspace.inquiry.id(),
            workspace.anne.id(),
            SearchMode.QUERY,
            "donnees OR data",
            SearchFilters.none(),
            data.id(),
            AutoCodeExtent.HIT);
    assertEquals(new SearchService.AutoCoded(3, 3, 0), done);
    List<CodedSpan> spans =
        workspace.fabrique.coding().spans(interview.id(), 0, interview.length());
    assertEquals(List.of(74, 103), spans.stream().map(CodedSpan::start).sorted().toList());
    SearchService.AutoCoded again =
        search.autoCode(
            workspace.inquiry.id(),
            workspace.anne.id(),
            SearchMode.QUERY,
            "donnees",
            SearchFilters.none(),
            data.id(),
            AutoCodeExtent.HIT);
    assertEquals(new SearchService.AutoCoded(2, 0, 2), again, "already coded hits are left alone");
    workspace.fabrique.history().undo(workspace.inquiry.id(), workspace.anne.id());
    assertEquals(
        List.of(), workspace.fabrique.coding().spans(interview.id(), 0, interview.length()));
    assertEquals(List.of(), workspace.fabrique.coding().spans(notes.id(), 0, notes.length()));
  }

  @Test
  void autoCodingCanTakeTheWholeParagraph() {
    Code refusal =
        workspace
            .fabrique
            .coding()
            .createCode(
                workspace.inquiry.id(), workspace.anne.id(), CodingService.NewCode.named("refus"));
    search.autoCode(
        workspace.inquiry.id(),
        workspace.bruno.id(),
        SearchMode.REGEX,
        "refusé",
        SearchFilters.none(),
        refusal.id(),
        AutoCodeExtent.PARAGRAPH);
    CodedSpan span =
        workspace.fabrique.coding().spans(interview.id(), 0, interview.length()).get(0);
    assertEquals(List.of(39, 94), List.of(span.start(), span.end()));
  }

  @Test
  void highlightsAreTheHitsInOneSource() {
    assertEquals(
        List.of(List.of(74, 81), List.of(103, 110)),
        search.highlights(interview.id(), SearchMode.QUERY, "donnees").stream()
            .map((Hit h) -> List.of(h.start(), h.end()))
            .toList());
  }

  @Test
  void aStaleIndexIsRepairedAndADeletedOneRebuilt() throws IOException {
    find("donnees", SearchFilters.none());
    long generation = workspace.index.generation(workspace.inquiry.id()).getAsLong();
    // a crash between the store commit and the index update: reopen an index that is one change
    // late
    workspace.index.close();
    LuceneSearchIndex late = new LuceneSearchIndex(dir.resolve("index"));
    late.close();
    workspace.source("Ajout", "fr", "Des données ajoutées.", SourceKind.OTHER, Optional.empty());
    assertEquals(OptionalLong.of(generation), workspace.index.generation(workspace.inquiry.id()));
    List<SearchService.Refresh> repaired = search.repairAll();
    assertEquals(1, repaired.get(0).updated());
    assertTrue(repaired.get(0).wasStale());
    assertFalse(search.refresh(workspace.inquiry.id()).wasStale());
    // the index directory is lost: it is rebuilt
    workspace.index.close();
    try (Stream<Path> files = Files.walk(dir.resolve("index"))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertEquals(3, find("donnees", SearchFilters.none()).size());
    SearchService.Refresh rebuilt = search.reindex(workspace.inquiry.id());
    assertEquals(3, rebuilt.updated());
  }

  @Test
  void largeResultSetsArePaged() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      text.append("Les données du registre ").append(i).append(".\n");
    }
    workspace.source("Long", "fr", text.toString(), SourceKind.DOCUMENT, Optional.empty());
    SearchPage first =
        search.search(
            workspace.inquiry.id(), SearchMode.QUERY, "registre", SearchFilters.none(), 0, 50, 5);
    SearchPage third =
        search.search(
            workspace.inquiry.id(), SearchMode.QUERY, "registre", SearchFilters.none(), 100, 50, 5);
    assertEquals(120, first.hits());
    assertEquals(50, first.lines().size());
    assertEquals(20, third.lines().size());
    assertThrows(
        InvalidInputException.class,
        () ->
            search.search(
                workspace.inquiry.id(),
                SearchMode.QUERY,
                "registre",
                SearchFilters.none(),
                0,
                5000,
                5));
  }
}
