package org.fabrique.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.inquiry.InquiryId;
import org.junit.jupiter.api.Test;

class CodingMatricesTest {
  private static final Code A = code(1, "consent");
  private static final Code B = code(2, "pseudonymisation");
  private static final Code C = code(3, "access");

  private final CodingSnapshot snapshot =
      new Spans()
          .code(10, 0, 10, 1, 7) // A, source 10
          .code(10, 0, 10, 1, 8) // same segment, other coder: one segment
          .code(10, 5, 20, 1, 7) // A again, overlapping: 20 distinct characters in all
          .code(10, 5, 20, 2, 7) // B on that segment
          .code(10, 40, 50, 3, 7) // C, 20 characters after the A/B segment
          .code(11, 0, 4, 1, 7) // A, source 11
          .code(12, 0, 6, 2, 7) // B, source 12 (no case)
          .snapshot();

  /** Sources 10 and 11 belong to case "cohort", 12 to none; the attribute "region" by source. */
  private static final Map<Long, List<String>> CASE =
      Map.of(10L, List.of("c1"), 11L, List.of("c1"));

  private static final Map<Long, List<String>> REGION =
      Map.of(10L, List.of("north"), 11L, List.of("south"), 12L, List.of("north"));

  @Test
  void codesBySourceCountSegmentsDistinctCharactersAndSources() {
    Matrix matrix =
        CodingMatrices.codesBy(
            "Code / Source",
            snapshot,
            List.of(A, B, C),
            List.of(header("10"), header("11"), header("12")),
            source -> List.of(source.toString()));
    assertEquals(
        List.of(
            List.of(new Matrix.Cell(2, 20, 1), new Matrix.Cell(1, 4, 1), Matrix.Cell.EMPTY),
            List.of(new Matrix.Cell(1, 15, 1), Matrix.Cell.EMPTY, new Matrix.Cell(1, 6, 1)),
            List.of(new Matrix.Cell(1, 10, 1), Matrix.Cell.EMPTY, Matrix.Cell.EMPTY)),
        matrix.cells());
    assertEquals(List.of("consent", "pseudonymisation", "access"), labels(matrix.rows()));
  }

  @Test
  void codesByCaseLeaveOutSourcesWithoutACase() {
    Matrix matrix =
        CodingMatrices.codesBy(
            "Code / Case",
            snapshot,
            List.of(A, B),
            List.of(header("c1")),
            source -> CASE.getOrDefault(source.value(), List.of()));
    assertEquals(
        List.of(List.of(new Matrix.Cell(3, 24, 2)), List.of(new Matrix.Cell(1, 15, 1))),
        matrix.cells());
  }

  @Test
  void codesByAttributeValueGroupSourcesSharingTheValue() {
    Matrix matrix =
        CodingMatrices.codesBy(
            "Code / region",
            snapshot,
            List.of(A, B),
            List.of(header("north"), header("south")),
            source -> REGION.getOrDefault(source.value(), List.of()));
    assertEquals(new Matrix.Cell(2, 20, 1), matrix.cell(0, 0));
    assertEquals(new Matrix.Cell(1, 4, 1), matrix.cell(0, 1));
    assertEquals(new Matrix.Cell(2, 21, 2), matrix.cell(1, 0));
    assertEquals(
        List.of("10:5-20", "12:0-6"),
        CodingMatrices.drillDown(
                snapshot, B.id(), "north", s -> REGION.getOrDefault(s.value(), List.of()))
            .stream()
            .map(s -> s.sourceId() + ":" + s.start() + "-" + s.end())
            .toList());
  }

  @Test
  void coOccurrenceCountsOverlapsAndSegmentsCarryingBothCodes() {
    Matrix overlap = CodingMatrices.coOccurrence(snapshot, List.of(A, B, C), Proximity.overlap());
    // diagonal: segments of each code; A-B: the segment 5-20 carries both, and 0-10 (A) overlaps it
    assertEquals(
        List.of(List.of(3L, 2L, 0L), List.of(2L, 2L, 0L), List.of(0L, 0L, 1L)), values(overlap));
    Matrix near = CodingMatrices.coOccurrence(snapshot, List.of(A, B, C), Proximity.within(20));
    assertEquals(
        List.of(List.of(3L, 2L, 1L), List.of(2L, 2L, 1L), List.of(1L, 1L, 1L)), values(near));
    assertEquals(
        2,
        CodingMatrices.coOccurrences(snapshot, A.id(), B.id(), Proximity.overlap()).size(),
        "drilling down finds the pairs the cell counts");
    assertEquals(
        1, CodingMatrices.coOccurrences(snapshot, C.id(), A.id(), Proximity.within(20)).size());
  }

  private static List<List<Long>> values(Matrix matrix) {
    return matrix.cells().stream()
        .map(row -> row.stream().map(c -> c.value(Matrix.Measure.SEGMENTS)).toList())
        .toList();
  }

  private static List<String> labels(List<Matrix.Header> headers) {
    return headers.stream().map(Matrix.Header::label).toList();
  }

  @Test
  void aGroupingCodeCountsTheSegmentsOfItsSubCodesOnceWhenAskedAndNothingOtherwise() {
    Code group = code(4, "practices");
    Code consent = child(1, "consent", 4);
    Code pseudonymisation = child(2, "pseudonymisation", 4);
    List<Code> codes = List.of(group, consent, pseudonymisation, C);
    List<Matrix.Header> sources = List.of(header("10"), header("11"), header("12"));
    Matrix apart =
        CodingMatrices.codesBy(
            "Code / Source",
            snapshot,
            codes,
            sources,
            source -> List.of(source.toString()),
            CodeCounting.OWN.counted(codes));
    assertEquals(
        List.of(Matrix.Cell.EMPTY, Matrix.Cell.EMPTY, Matrix.Cell.EMPTY), apart.cells().get(0));
    Matrix rolledUp =
        CodingMatrices.codesBy(
            "Code / Source",
            snapshot,
            codes,
            sources,
            source -> List.of(source.toString()),
            CodeCounting.WITH_SUB_CODES.counted(codes));
    // Source 10: [0,10) with consent, [5,20) with both (once): 2 segments, 20 characters.
    assertEquals(
        List.of(new Matrix.Cell(2, 20, 1), new Matrix.Cell(1, 4, 1), new Matrix.Cell(1, 6, 1)),
        rolledUp.cells().get(0));
    assertEquals(apart.cells().subList(1, 4), rolledUp.cells().subList(1, 4));
    assertEquals(
        2,
        CodingMatrices.drillDown(
                snapshot,
                CodeCounting.WITH_SUB_CODES.counted(codes).apply(group),
                "10",
                source -> List.of(source.toString()))
            .size());
  }

  private static Code child(long id, String name, long parent) {
    return new Code(
        new CodeId(id),
        new InquiryId(1),
        Optional.of(new CodeId(parent)),
        name,
        "#000000",
        "",
        true,
        0);
  }

  private static Matrix.Header header(String key) {
    return new Matrix.Header(key, key);
  }

  private static Code code(long id, String name) {
    return new Code(
        new CodeId(id), new InquiryId(1), Optional.empty(), name, "#000000", "", true, 0);
  }
}
