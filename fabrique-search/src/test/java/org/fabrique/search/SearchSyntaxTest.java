package org.fabrique.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.search.DocumentKey;
import org.fabrique.core.search.DocumentKind;
import org.fabrique.core.search.SearchFilters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What people type: wildcards, exact words, speakers, colons, and errors placed exactly. */
class SearchSyntaxTest {
  private static final InquiryId INQUIRY = new InquiryId(1);
  private static final String INTERVIEW =
      "Interviewer: Was privacy discussed when sharing the data?\n"
          + "Interviewee: Privacy was the first thing. The curation team anonymized the records;"
          + " anonymization was biased, they said.\n"
          + "Interviewer: Biases of what kind? Was the bias in the sharing policies?\n"
          + "Interviewee: Curated data were shared after review.";

  @TempDir Path dir;
  private LuceneSearchIndex index;

  @BeforeEach
  void open() {
    index = new LuceneSearchIndex(dir);
    index.update(
        INQUIRY,
        List.of(
            Docs.withTurns(Docs.source(10, "en", INTERVIEW), turnsOf(INTERVIEW)),
            Docs.source(11, "fr", "Le partage des données pseudonymisées a été refusé."),
            Docs.memo(30, "Privacy: a memo that speaks of privacy and sharing")),
        List.of(),
        1);
  }

  @AfterEach
  void close() {
    index.close();
  }

  /** The turns of a transcript whose lines each start with a speaker and a colon. */
  private static List<SpeakerTurn> turnsOf(String text) {
    List<SpeakerTurn> turns = new java.util.ArrayList<>();
    int start = 0;
    for (String line : text.split("\n")) {
      turns.add(
          new SpeakerTurn(
              start,
              start + line.length(),
              line.substring(0, line.indexOf(':')),
              Optional.empty()));
      start += line.length() + 1;
    }
    return turns;
  }

  private List<String> words(String query) {
    return words(query, SearchFilters.none());
  }

  private List<String> words(String query, SearchFilters filters) {
    return index.search(INQUIRY, query, filters, 0, 100, 0).lines().stream()
        .map(line -> line.document() + ":" + line.keyword())
        .toList();
  }

  private static String message(ThrowingCall call) {
    return assertThrows(InvalidInputException.class, call::run).getMessage();
  }

  private interface ThrowingCall {
    void run();
  }

  @Test
  void wildcardsMatchTheWordsAsWrittenNotTheirStems() {
    assertEquals(List.of("source:10:privacy", "source:10:Privacy"), words("privacy*"));
    assertEquals(
        List.of("source:10:sharing", "source:10:sharing"), words("sharing*"), "not shared");
    assertEquals(List.of("source:10:curation"), words("curation*"));
    assertEquals(List.of("source:10:anonymized", "source:10:anonymization"), words("anonymiz*"));
    assertEquals(List.of("source:11:pseudonymisées"), words("pseudonymis?es"));
    assertEquals(List.of("source:10:Curated"), words("*rated"));
  }

  @Test
  void aPlainWordFindsEveryFormOfIt() {
    assertEquals(List.of("source:10:biased", "source:10:Biases", "source:10:bias"), words("bias"));
    assertEquals(
        List.of("source:10:biased", "source:10:Biases", "source:10:bias"), words("biases"));
    assertEquals(
        List.of("source:10:sharing", "source:10:sharing", "source:10:shared"), words("share"));
    assertEquals(List.of("source:10:curation", "source:10:Curated"), words("curate"));
  }

  @Test
  void aQuotedWordFindsOnlyThatForm() {
    assertEquals(List.of("source:10:bias"), words("\"bias\""));
    assertEquals(List.of("source:10:shared"), words("\"shared\""));
    assertEquals(List.of("source:10:Curated data"), words("\"curated data\""));
    assertEquals(List.of(), words("\"curate data\""), "a phrase is exact too");
    assertEquals(List.of("source:11:données"), words("\"donnees\""), "accents and case aside");
  }

  @Test
  void aWordWithAColonIsTextNotAFieldName() {
    assertEquals(
        List.of(
            "source:10:privacy",
            "source:10:Interviewee",
            "source:10:Privacy",
            "source:10:Interviewee"),
        words("interviewee: privacy"));
    assertEquals(words("interviewee privacy"), words("interviewee:privacy"));
    assertEquals(
        List.of("memo:30:Privacy", "memo:30:privacy"),
        words("privacy:", SearchFilters.none().withKinds(java.util.Set.of(DocumentKind.MEMO))));
  }

  @Test
  void speakerKeepsTheSearchToThatSpeakersTurns() {
    assertEquals(
        List.of("source:10:privacy", "source:10:sharing", "source:10:sharing"),
        words("speaker:Interviewer privacy OR sharing"));
    assertEquals(List.of("source:10:Privacy"), words("speaker:interviewee privacy"));
    assertEquals(List.of("source:10:Privacy"), words("privacy speaker:INTERVIEWEE"));
    assertEquals(List.of("source:10:Privacy"), words("speaker:\"Interviewee\" privacy"));
    assertEquals(
        List.of("source:10:privacy", "source:10:Privacy"), words("speaker:Intervie* privacy"));
    assertEquals(List.of(), words("speaker:Nobody privacy"));
    assertEquals(
        1,
        index
            .search(INQUIRY, "speaker:Interviewee privacy", SearchFilters.none(), 0, 10, 0)
            .documents());
    assertEquals(
        List.of(),
        index
            .hitsIn(
                INQUIRY, new DocumentKey(DocumentKind.SOURCE, 10), "speaker:Interviewer curated")
            .stream()
            .toList());
    assertTrue(
        message(() -> index.validate("speaker:Interviewer")).contains("say also what to look for"));
    assertTrue(message(() -> index.validate("privacy speaker:")).contains("needs a name"));
  }

  @Test
  void errorPositionsAreTheCharactersUsersCount() {
    assertTrue(
        message(() -> index.validate("privacy)"))
            .startsWith("The query is malformed at character 8 (after \"privacy\"): found \")\""));
    assertTrue(
        message(() -> index.validate("privacy OR OR data"))
            .startsWith("The query is malformed at character 12 (after \"privacy OR \")"));
    assertTrue(
        message(() -> index.validate("AND privacy"))
            .startsWith("The query is malformed at character 1 (after \"\")"));
    assertEquals(
        "The query is malformed at character 9 (after \"privacy \"): a phrase is opened with \""
            + " here and never closed",
        message(() -> index.validate("privacy \"data sharing")));
    assertTrue(
        message(() -> index.validate("privacy \\"))
            .startsWith("The query is malformed at character 9 (after \"privacy \")"));
  }

  @Test
  void deeplyNestedQueriesAreReadOnAStackThatHoldsThem() {
    String nested = "(".repeat(995) + "privacy" + ")".repeat(995);
    assertEquals(List.of("source:10:privacy", "source:10:Privacy"), words(nested));
  }
}
