package org.fabrique.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.search.DocumentKey;
import org.fabrique.core.search.DocumentKind;
import org.fabrique.core.search.Hit;
import org.fabrique.core.search.KwicLine;
import org.fabrique.core.search.SearchFilters;
import org.fabrique.core.search.SearchPage;
import org.fabrique.core.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchIndexTest {
  private static final InquiryId INQUIRY = new InquiryId(1);
  private static final String FRENCH =
      "Le comité a refusé l'accès aux données.\nLes données pseudonymisées restent au CHU.";
  private static final String ENGLISH =
      "The registry's data manager said the consent forms were incomplete.";

  @TempDir Path dir;
  private LuceneSearchIndex index;

  @BeforeEach
  void open() {
    index = new LuceneSearchIndex(dir);
    index.update(
        INQUIRY,
        List.of(
            Docs.withDate(
                Docs.withAttribute(Docs.withCase(Docs.source(10, "fr", FRENCH), 5), 77, "north"),
                LocalDate.of(2025, 3, 12)),
            Docs.withKind(
                Docs.withDate(Docs.source(11, "en", ENGLISH), LocalDate.of(2024, 1, 2)),
                SourceKind.DOCUMENT),
            Docs.segment(20, 10, 40, "fr", "Les données pseudonymisées", 3, 7),
            Docs.memo(30, "Relire les données du registre")),
        List.of(),
        42);
  }

  @AfterEach
  void close() {
    index.close();
  }

  private List<String> keywords(String query) {
    return keywords(query, SearchFilters.none());
  }

  private List<String> keywords(String query, SearchFilters filters) {
    return index.search(INQUIRY, query, filters, 0, 100, 10).lines().stream()
        .map(l -> l.document() + "@" + l.start() + ":" + l.keyword())
        .toList();
  }

  @Test
  void aWordFindsItsInflectionsWithoutAccents() {
    assertEquals(List.of("source:10@31:données", "source:10@44:données"), keywords("donnees"));
    assertEquals(List.of("source:11@56:incomplete"), keywords("INCOMPLETE"));
    assertEquals(List.of("source:11@4:registry's"), keywords("registries"));
  }

  @Test
  void phrasesMatchWordsInOrder() {
    assertEquals(
        List.of("source:10@44:données pseudonymisées"), keywords("\"donnees pseudonymisees\""));
    assertEquals(List.of(), keywords("\"pseudonymisées données\""));
  }

  @Test
  void proximityAllowsWordsBetween() {
    assertEquals(List.of(), keywords("\"comité données\""));
    assertEquals(
        List.of("source:10@3:comité a refusé l'accès aux données"),
        keywords("\"comité données\"~4"));
  }

  @Test
  void booleanOperatorsCombineWords() {
    assertEquals(2, keywords("comité AND donnees").size() - 1);
    assertEquals(List.of(), keywords("comité AND registry"));
    assertEquals(
        List.of("source:10@3:comité", "source:11@4:registry's"), keywords("comité OR registry"));
    assertEquals(List.of("source:11@4:registry's"), keywords("registry NOT comité"));
    assertEquals(List.of("source:11@4:registry's"), keywords("registry -comité"));
  }

  @Test
  void wildcardsMatchPrefixesAndInnerLetters() {
    assertEquals(List.of("source:10@52:pseudonymisées"), keywords("pseudonym*"));
    assertEquals(List.of("source:11@4:registry's"), keywords("reg?stry"));
  }

  @Test
  void concordanceLinesCarryContextInCodePoints() {
    SearchPage page = index.search(INQUIRY, "refusé", SearchFilters.none(), 0, 10, 8);
    assertEquals(
        List.of(
            new KwicLine(
                new DocumentKey(DocumentKind.SOURCE, 10),
                "Source 10",
                Optional.of(new org.fabrique.core.corpus.SourceId(10)),
                12,
                18,
                "omité a ",
                "refusé",
                " l'accès")),
        page.lines());
  }

  @Test
  void positionsCountCharactersOutsideTheBasicPlaneAsOne() {
    index.update(INQUIRY, List.of(Docs.source(12, "fr", "😀😀 accès 😀 accès")), List.of(), 43);
    assertEquals(
        List.of("source:12@3:accès", "source:12@11:accès"),
        keywords(
                "acces",
                SearchFilters.none().withCases(Set.of()).withKinds(Set.of(DocumentKind.SOURCE)))
            .stream()
            .filter(s -> s.startsWith("source:12"))
            .toList());
  }

  @Test
  void filtersRestrictByCaseKindAttributeAndDate() {
    SearchFilters none = SearchFilters.none();
    assertEquals(2, keywords("donnees OR data", none).size() + 0 - 1);
    assertEquals(
        List.of("source:11@15:data"),
        keywords("donnees OR data", none.withSourceKinds(Set.of(SourceKind.DOCUMENT))));
    assertEquals(2, keywords("donnees OR data", none.withCases(Set.of(new CaseId(5)))).size());
    assertEquals(
        2,
        keywords(
                "donnees OR data",
                none.withAttributes(
                    List.of(
                        new SearchFilters.AttributeFilter(new AttributeId(77), Set.of("north")))))
            .size());
    assertEquals(
        List.of("source:11@15:data"),
        keywords(
            "donnees OR data",
            none.between(Optional.empty(), Optional.of(LocalDate.of(2024, 12, 31)))));
  }

  @Test
  void codeAndCoderFiltersSearchCodedSegmentsAtTheirPlaceInTheSource() {
    SearchFilters byCode = SearchFilters.none().withCodes(Set.of(new CodeId(3)));
    assertEquals(List.of("segment:20@44:données"), keywords("donnees", byCode));
    assertEquals(List.of(), keywords("donnees", byCode.withCoders(Set.of(new UserId(8)))));
    assertEquals(
        List.of("segment:20@44:données"),
        keywords("donnees", byCode.withCoders(Set.of(new UserId(7)))));
  }

  @Test
  void memosAreSearchedWhenAskedFor() {
    assertEquals(
        List.of("memo:30@11:données"),
        keywords("donnees", SearchFilters.none().withKinds(Set.of(DocumentKind.MEMO))));
  }

  @Test
  void largeResultsArePaged() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      text.append("consent ").append(i).append(". ");
    }
    index.update(INQUIRY, List.of(Docs.source(13, "en", text.toString())), List.of(), 44);
    SearchPage first = index.search(INQUIRY, "consent", SearchFilters.none(), 0, 12, 5);
    SearchPage last = index.search(INQUIRY, "consent", SearchFilters.none(), 24, 12, 5);
    assertEquals(12, first.lines().size());
    assertEquals(31, first.hits(), "30 in source 13 and 1 in source 11");
    assertTrue(first.hasNext());
    assertEquals(7, last.lines().size());
    assertFalse(last.hasNext());
    assertEquals(2, first.documents());
  }

  @Test
  void hitsInOneDocumentAreItsHighlights() {
    assertEquals(
        List.of(
            new Hit(
                new DocumentKey(DocumentKind.SOURCE, 10),
                Optional.of(new org.fabrique.core.corpus.SourceId(10)),
                31,
                38),
            new Hit(
                new DocumentKey(DocumentKind.SOURCE, 10),
                Optional.of(new org.fabrique.core.corpus.SourceId(10)),
                44,
                51)),
        index.hitsIn(INQUIRY, new DocumentKey(DocumentKind.SOURCE, 10), "donnees"));
  }

  @Test
  void malformedQueriesSayWhereAndWhatWasExpected() {
    InvalidInputException dangling =
        assertThrows(InvalidInputException.class, () -> index.validate("consent AND"));
    assertEquals(
        "The query is malformed at character 12 (after \"consent AND\"): found the end of the query,"
            + " expected NOT, \"+\", \"-\", \"(\", \"*\", a phrase in quotes, a word, a /regular expression/, a range",
        dangling.getMessage());
    InvalidInputException quote =
        assertThrows(InvalidInputException.class, () -> index.validate("\"consent form"));
    assertTrue(quote.getMessage().contains("never closed"), quote.getMessage());
    InvalidInputException paren =
        assertThrows(InvalidInputException.class, () -> index.validate("(consent OR data"));
    assertTrue(
        paren.getMessage().startsWith("The query is malformed at character 17"),
        paren.getMessage());
    assertTrue(paren.getMessage().contains("\")\""), paren.getMessage());
    assertEquals(
        "The query is empty",
        assertThrows(InvalidInputException.class, () -> index.validate("  ")).getMessage());
    assertThrows(InvalidInputException.class, () -> index.validate("NOT consent"));
    assertThrows(InvalidInputException.class, () -> index.validate("!!!"));
  }

  @Test
  void theGenerationAndDigestsSurviveReopening() {
    index.close();
    index = new LuceneSearchIndex(dir);
    assertEquals(OptionalLong.of(42), index.generation(INQUIRY));
    Map<DocumentKey, String> digests = index.digests(INQUIRY);
    assertEquals(4, digests.size());
    assertEquals("s20", digests.get(new DocumentKey(DocumentKind.SEGMENT, 20)));
  }

  @Test
  void deletionsAndClearingRemoveDocuments() {
    index.update(INQUIRY, List.of(), List.of(new DocumentKey(DocumentKind.SOURCE, 11)), 50);
    assertEquals(List.of(), keywords("registry"));
    index.clear(INQUIRY);
    assertEquals(OptionalLong.empty(), index.generation(INQUIRY));
    assertEquals(Map.of(), index.digests(INQUIRY));
  }

  @Test
  void aDamagedIndexIsWipedAtOpeningSoThatItCanBeRebuilt() throws IOException {
    index.close();
    Path shard = dir.resolve("inquiry-1");
    try (Stream<Path> files = Files.list(shard)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
        Files.write(file, new byte[] {1, 2, 3});
      }
    }
    index = new LuceneSearchIndex(dir);
    assertEquals(OptionalLong.empty(), index.generation(INQUIRY));
    assertEquals(Map.of(), index.digests(INQUIRY));
  }

  @Test
  void anIndexOfTheFormerFormatIsWipedAtOpeningSoThatItIsRebuiltInTheNewOne() throws IOException {
    index.close();
    try (org.apache.lucene.store.Directory directory =
            org.apache.lucene.store.FSDirectory.open(dir.resolve("inquiry-1"));
        org.apache.lucene.index.IndexWriter writer =
            new org.apache.lucene.index.IndexWriter(
                directory, new org.apache.lucene.index.IndexWriterConfig(Analyzers.perField()))) {
      writer.setLiveCommitData(
          Map.of(LuceneFields.FORMAT, "1", LuceneFields.GENERATION, "42").entrySet());
      writer.commit();
    }
    index = new LuceneSearchIndex(dir);
    assertEquals(OptionalLong.empty(), index.generation(INQUIRY));
    assertEquals(Map.of(), index.digests(INQUIRY));
  }

  @Test
  void inquiriesHaveSeparateIndexes() {
    assertEquals(
        List.of(),
        index.search(new InquiryId(2), "donnees", SearchFilters.none(), 0, 10, 5).lines());
    assertEquals(OptionalLong.empty(), index.generation(new InquiryId(2)));
  }
}
