package org.fabrique.core.analysis;

import static org.fabrique.core.analysis.CodingQuery.coded;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SpeakerTurn;
import org.junit.jupiter.api.Test;

class CodingQueriesTest {
  private static final CodeId A = new CodeId(1);
  private static final CodeId B = new CodeId(2);
  private static final CodeId C = new CodeId(3);

  //                                   1         2         3         4
  //                         0123456789012345678901234567890123456789012345
  private static final String TEXT = "Line one about consent.\nSecond line, on data.";

  private final CodingSnapshot snapshot =
      new Spans()
          .code(1, 0, 10, 1, 7) // s1: A and B (same segment)
          .code(1, 0, 10, 2, 7)
          .code(1, 5, 15, 3, 7) // s2: C overlaps s1
          .code(1, 30, 35, 2, 7) // s3: B, second paragraph, 15 after s2
          .code(1, 40, 44, 1, 7) // s4: A, second paragraph
          .code(2, 0, 4, 1, 7) // s5: A in another source
          .code(2, 100, 110, 2, 7) // s6: B in that source, far away
          .snapshot();

  private final TextStructure structure =
      new TextStructure() {
        @Override
        public List<TextStructure.Span> paragraphs(SourceId source) {
          return source.value() == 1
              ? TextStructure.paragraphsOf(PlainText.of(TEXT))
              : List.of(new TextStructure.Span(0, 50), new TextStructure.Span(50, 200));
        }

        @Override
        public List<SpeakerTurn> turns(SourceId source) {
          return source.value() == 2
              ? List.of(new SpeakerTurn(0, 120, "ENQ", Optional.empty()))
              : List.of();
        }
      };

  private final CodingQueries queries = new CodingQueries(snapshot, structure);

  private List<String> find(CodingQuery query) {
    return queries.evaluate(query).stream()
        .map(s -> s.sourceId() + ":" + s.start() + "-" + s.end())
        .toList();
  }

  @Test
  void andFindsSegmentsCarryingBothCodes() {
    assertEquals(List.of("1:0-10"), find(coded(A).and(coded(B))));
  }

  @Test
  void orFindsSegmentsCarryingEitherCodeInTextOrder() {
    assertEquals(
        List.of("1:0-10", "1:30-35", "1:40-44", "2:0-4", "2:100-110"), find(coded(A).or(coded(B))));
  }

  @Test
  void andNotLeavesOutSegmentsCarryingTheOtherCode() {
    assertEquals(List.of("1:40-44", "2:0-4"), find(coded(A).andNot(coded(B))));
  }

  @Test
  void overlappingKeepsSegmentsSharingACharacterInTheSameSource() {
    assertEquals(List.of("1:5-15"), find(coded(C).overlapping(coded(A))));
    assertEquals(List.of("1:0-10"), find(coded(B).overlapping(coded(C))));
  }

  @Test
  void nearCountsTheGapBetweenSegments() {
    assertEquals(List.of(), find(coded(C).near(coded(B).andNot(coded(A)), 14)));
    assertEquals(List.of("1:5-15"), find(coded(C).near(coded(B), 0)));
    assertEquals(List.of("1:5-15"), find(coded(C).near(coded(B).andNot(coded(A)), 15)));
    assertEquals(List.of("1:30-35"), find(coded(B).andNot(coded(A)).near(coded(A), 5)));
  }

  @Test
  void sameParagraphUsesTheLinesOfThePlainText() {
    assertEquals(
        List.of(new TextStructure.Span(0, 23), new TextStructure.Span(24, 45)),
        TextStructure.paragraphsOf(PlainText.of(TEXT)));
    assertEquals(List.of("1:30-35"), find(coded(B).andNot(coded(A)).inSameParagraphAs(coded(A))));
    assertEquals(List.of("1:0-10", "1:40-44"), find(coded(A).inSameParagraphAs(coded(B))));
  }

  @Test
  void sameTurnNeedsATranscript() {
    assertEquals(List.of("2:0-4"), find(coded(A).inSameTurnAs(coded(B))));
  }

  @Test
  void snapshotGroupsCodingsBySegment() {
    assertEquals(6, snapshot.size());
    assertEquals(
        Map.of(A, true, B, true, C, false),
        Map.of(
            A,
            snapshot.segmentsOf(new SourceId(1)).get(0).has(A),
            B,
            snapshot.segmentsOf(new SourceId(1)).get(0).has(B),
            C,
            snapshot.segmentsOf(new SourceId(1)).get(0).has(C)));
  }
}
