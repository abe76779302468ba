package org.fabrique.core.analysis.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.fabrique.core.analysis.Spans;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.user.UserId;
import org.junit.jupiter.api.Test;

class AgreementCalculatorTest {
  private static final UserId ANNE = new UserId(7);
  private static final UserId BRUNO = new UserId(8);
  private static final UserId CLAIRE = new UserId(9);
  private static final CodeId A = new CodeId(1);
  private static final CodeId B = new CodeId(2);

  @Test
  void characterLevelTurnsSpansIntoWeightedRunsOfCharacters() {
    // a 100-character source: Anne codes A on [0, 40), Bruno on [20, 60)
    List<org.fabrique.core.coding.CodedSpan> spans =
        new Spans().code(1, 0, 40, 1, 7).code(1, 20, 60, 1, 8).list();
    AgreementReport report =
        new AgreementCalculator(List.of(ANNE, BRUNO))
            .characters(spans, Map.of(new SourceId(1), 100));
    // 20 yes-yes, 20 yes-no, 20 no-yes, 40 no-no
    ReliabilityData expected = new ReliabilityData(2);
    expected.addWeighted(20, 1, 1).addWeighted(20, 1, 0).addWeighted(20, 0, 1);
    expected.addWeighted(40, 0, 0);
    Measures measures = report.perCode().get(A);
    assertEquals(100, measures.units(), 1e-9);
    assertEquals(0.6, measures.percentAgreement().getAsDouble(), 1e-9);
    assertEquals(expected.cohensKappa().getAsDouble(), measures.cohensKappa().getAsDouble(), 1e-12);
    assertEquals(
        expected.krippendorffAlpha().getAsDouble(),
        measures.krippendorffAlpha().getAsDouble(),
        1e-12);
    assertEquals(
        List.of(
            new Disagreement(new SourceId(1), 0, 20, A, List.of(ANNE), List.of(BRUNO)),
            new Disagreement(new SourceId(1), 40, 60, A, List.of(BRUNO), List.of(ANNE))),
        report.disagreements());
  }

  @Test
  void overlappingSpansOfOneCoderCountEachCharacterOnce() {
    List<org.fabrique.core.coding.CodedSpan> spans =
        new Spans().code(1, 0, 30, 1, 7).code(1, 10, 40, 1, 7).code(1, 0, 40, 1, 8).list();
    AgreementReport report =
        new AgreementCalculator(List.of(ANNE, BRUNO))
            .characters(spans, Map.of(new SourceId(1), 50));
    assertEquals(1.0, report.perCode().get(A).percentAgreement().getAsDouble(), 1e-12);
    assertEquals(1.0, report.perCode().get(A).krippendorffAlpha().getAsDouble(), 1e-12);
    assertEquals(List.of(), report.disagreements());
  }

  @Test
  void onlySourcesEveryCoderCodedAreCompared() {
    List<org.fabrique.core.coding.CodedSpan> spans =
        new Spans()
            .code(1, 0, 10, 1, 7)
            .code(1, 0, 10, 1, 8)
            .code(2, 0, 10, 1, 7) // Bruno never coded source 2
            .list();
    AgreementReport report =
        new AgreementCalculator(List.of(ANNE, BRUNO))
            .characters(spans, Map.of(new SourceId(1), 20, new SourceId(2), 20));
    assertEquals(List.of(new SourceId(1)), report.sources());
    assertEquals(20, report.overall().units(), 1e-9);
  }

  @Test
  void overallPoolsTheUnitsOfEveryCode() {
    List<org.fabrique.core.coding.CodedSpan> spans =
        new Spans().code(1, 0, 10, 1, 7).code(1, 0, 10, 1, 8).code(1, 10, 20, 2, 7).list();
    AgreementReport report =
        new AgreementCalculator(List.of(ANNE, BRUNO))
            .characters(spans, Map.of(new SourceId(1), 20));
    ReliabilityData pooled = new ReliabilityData(2);
    pooled.addWeighted(10, 1, 1).addWeighted(10, 0, 0); // code A
    pooled.addWeighted(10, 0, 0).addWeighted(10, 1, 0); // code B
    assertEquals(40, report.overall().units(), 1e-9);
    assertEquals(
        pooled.krippendorffAlpha().getAsDouble(),
        report.overall().krippendorffAlpha().getAsDouble(),
        1e-12);
    assertEquals(0.75, report.overall().percentAgreement().getAsDouble(), 1e-12);
  }

  @Test
  void segmentLevelMatchesSpansByOverlapThreshold() {
    // three coders; units are the distinct spans [0,10), [0,9), [20,30), [40,50)
    List<org.fabrique.core.coding.CodedSpan> spans =
        new Spans()
            .code(1, 0, 10, 1, 7)
            .code(1, 0, 9, 1, 8) // Jaccard 0.9 with [0,10)
            .code(1, 0, 10, 1, 9)
            .code(1, 20, 30, 2, 7)
            .code(1, 20, 30, 2, 8)
            .code(1, 40, 50, 2, 9) // Claire codes B elsewhere
            .list();
    AgreementCalculator calculator = new AgreementCalculator(List.of(ANNE, BRUNO, CLAIRE));
    AgreementReport lenient = calculator.segments(spans, 0.8);
    // code A: units [0,9) and [0,10) both coded by all; [20,30) and [40,50) by none
    assertEquals(1.0, lenient.perCode().get(A).percentAgreement().getAsDouble(), 1e-12);
    AgreementReport strict = calculator.segments(spans, 1.0);
    // with exact matching, Bruno's [0,9) is not Anne's [0,10): two of four units disagree
    assertEquals(0.5, strict.perCode().get(A).percentAgreement().getAsDouble(), 1e-12);
    // code B: [20,30) Anne+Bruno but not Claire; [40,50) Claire only
    assertEquals(0.5, lenient.perCode().get(B).percentAgreement().getAsDouble(), 1e-12);
    assertEquals(true, lenient.perCode().get(B).cohensKappa().isEmpty());
    assertThrows(InvalidInputException.class, () -> calculator.segments(spans, 0));
  }

  @Test
  void aCoderCannotBeComparedWithThemselves() {
    assertThrows(InvalidInputException.class, () -> new AgreementCalculator(List.of(ANNE, ANNE)));
    assertThrows(InvalidInputException.class, () -> new AgreementCalculator(List.of(ANNE)));
  }
}
