package org.fabrique.search.service;

import static org.fabrique.core.analysis.CodingQuery.coded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fabrique.core.analysis.AnalysisScope;
import org.fabrique.core.analysis.AnalysisService;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.analysis.MatrixColumns;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.analysis.Proximity;
import org.fabrique.core.analysis.SegmentView;
import org.fabrique.core.analysis.agreement.AgreementLevel;
import org.fabrique.core.analysis.agreement.AgreementReport;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisServiceTest {
  private static final String TRANSCRIPT =
      "ENQ: Qui a décidé ?\nDM: Le comité, après deux réunions.\nENQ: Et le consentement ?\nDM: Il n'a pas été redemandé.";

  @TempDir Path dir;
  private Workspace workspace;
  private AnalysisService analysis;
  private Case cohort;
  private Case registry;
  private Source first;
  private Source second;
  private Code decision;
  private Code consent;
  private AttributeDefinition size;

  @BeforeEach
  void setUp() {
    workspace = new Workspace(dir);
    analysis = workspace.fabrique.analysis();
    var inquiries = workspace.fabrique.inquiries();
    var id = workspace.inquiry.id();
    var anne = workspace.anne.id();
    cohort = inquiries.createCase(id, anne, "Cohort", Domain.values()[0], "");
    registry = inquiries.createCase(id, anne, "Registry", Domain.values()[1], "");
    first =
        workspace.source(
            "Interview 1", "fr", TRANSCRIPT, SourceKind.INTERVIEW, Optional.of(cohort.id()));
    second =
        workspace.source(
            "Interview 2", "fr", TRANSCRIPT, SourceKind.INTERVIEW, Optional.of(registry.id()));
    CodingService coding = workspace.fabrique.coding();
    decision = coding.createCode(id, anne, CodingService.NewCode.named("decision"));
    consent = coding.createCode(id, anne, CodingService.NewCode.named("consent"));
    size =
        workspace
            .fabrique
            .attributes()
            .define(id, anne, "size", AttributeType.TEXT, AttributeScope.CASE, "");
    workspace.fabrique.attributes().setValue(anne, size.id(), cohort.id().value(), "large");
    workspace.fabrique.attributes().setValue(anne, size.id(), registry.id().value(), "small");
    // Anne: decision on turn 2 of both sources, consent on turn 4 of the first
    coding.code(anne, first.id(), 20, 54, decision.id());
    coding.code(anne, second.id(), 20, 54, decision.id());
    coding.code(anne, first.id(), 79, 105, consent.id());
    // Bruno: decision on turn 2 of the first only (shorter), consent where Anne put it
    coding.code(workspace.bruno.id(), first.id(), 24, 54, decision.id());
    coding.code(workspace.bruno.id(), first.id(), 79, 105, consent.id());
    coding.code(workspace.bruno.id(), second.id(), 79, 105, consent.id());
  }

  @AfterEach
  void tearDown() {
    workspace.close();
  }

  private List<String> spans(List<SegmentView> views) {
    return views.stream()
        .map(v -> v.sourceTitle() + ":" + v.segment().start() + "-" + v.segment().end())
        .toList();
  }

  @Test
  void codingQueriesRunOnTheStoredCodingsWithinScope() {
    var inquiry = workspace.inquiry.id();
    AnalysisScope all = AnalysisScope.everything();
    assertEquals(
        List.of("Interview 1:20-54", "Interview 1:24-54", "Interview 2:20-54"),
        spans(analysis.query(inquiry, coded(decision.id()), all)));
    assertEquals(
        List.of("Interview 1:20-54", "Interview 1:24-54", "Interview 2:20-54"),
        spans(analysis.query(inquiry, coded(decision.id()).near(coded(consent.id()), 30), all)));
    assertEquals(
        List.of(),
        spans(analysis.query(inquiry, coded(decision.id()).near(coded(consent.id()), 20), all)));
    assertEquals(
        List.of(),
        spans(
            analysis.query(inquiry, coded(decision.id()).inSameTurnAs(coded(consent.id())), all)));
    assertEquals(
        List.of("Interview 2:20-54"),
        spans(analysis.query(inquiry, coded(decision.id()), all.withCases(Set.of(registry.id())))));
    assertEquals(
        List.of("Interview 1:24-54"),
        spans(
            analysis.query(
                inquiry, coded(decision.id()), all.withCoders(Set.of(workspace.bruno.id())))));
    assertEquals(
        List.of("Interview 1:20-54", "Interview 1:24-54"),
        spans(
            analysis.query(
                inquiry,
                coded(decision.id()),
                all.withAttributes(Map.of(size.id(), Set.of("large"))))));
    assertEquals(
        "Le comité, après deux réunions",
        analysis.query(inquiry, coded(decision.id()), all).get(1).quote());
    assertThrows(
        InvalidInputException.class,
        () -> analysis.query(inquiry, coded(new org.fabrique.core.coding.CodeId(999)), all));
  }

  @Test
  void matricesCrossCodesWithSourcesCasesAndAttributeValues() {
    var inquiry = workspace.inquiry.id();
    AnalysisScope all = AnalysisScope.everything();
    Matrix bySource = analysis.matrix(inquiry, MatrixColumns.sources(), all);
    assertEquals(
        List.of("Interview 1", "Interview 2"),
        bySource.columns().stream().map(Matrix.Header::label).toList());
    assertEquals(new Matrix.Cell(2, 34, 1), bySource.cell(0, 0));
    assertEquals(new Matrix.Cell(1, 26, 1), bySource.cell(1, 1));
    Matrix byCase = analysis.matrix(inquiry, MatrixColumns.cases(), all);
    assertEquals(new Matrix.Cell(1, 34, 1), byCase.cell(0, 1));
    Matrix bySize = analysis.matrix(inquiry, MatrixColumns.attribute(size.id()), all);
    assertEquals(
        List.of("large", "small"), bySize.columns().stream().map(Matrix.Header::key).toList());
    assertEquals(new Matrix.Cell(1, 26, 1), bySize.cell(1, 0));
    assertEquals(
        List.of("Interview 1:20-54", "Interview 1:24-54"),
        spans(
            analysis.drillDown(
                inquiry, MatrixColumns.attribute(size.id()), decision.id(), "large", all)));
  }

  @Test
  void coOccurrenceAndItsDrillDown() {
    var inquiry = workspace.inquiry.id();
    Matrix near = analysis.coOccurrence(inquiry, Proximity.within(30), AnalysisScope.everything());
    assertEquals(3, near.cell(0, 1).segments());
    assertEquals(
        0,
        analysis
            .coOccurrence(inquiry, Proximity.overlap(), AnalysisScope.everything())
            .cell(0, 1)
            .segments());
    assertEquals(
        3,
        analysis
            .coOccurrences(
                inquiry,
                decision.id(),
                consent.id(),
                Proximity.within(30),
                AnalysisScope.everything())
            .size());
  }

  @Test
  void agreementComparesTheCodersOfTheSourcesBothCoded() {
    AgreementReport report =
        analysis.agreement(
            workspace.inquiry.id(),
            List.of(),
            AgreementLevel.CHARACTER,
            1,
            AnalysisScope.everything());
    assertEquals(List.of(workspace.anne.id(), workspace.bruno.id()), report.coders());
    assertEquals(2, report.sources().size());
    // consent: identical in source 1; Bruno alone in source 2 (26 characters)
    int length = first.length() + second.length();
    assertEquals(
        1 - 26.0 / length,
        report.perCode().get(consent.id()).percentAgreement().getAsDouble(),
        1e-9);
    // decision: 4 characters in source 1 and 34 in source 2 where only Anne coded
    assertEquals(
        1 - 38.0 / length,
        report.perCode().get(decision.id()).percentAgreement().getAsDouble(),
        1e-9);
    assertEquals(3, report.disagreements().size());
    AgreementReport segments =
        analysis.agreement(
            workspace.inquiry.id(),
            List.of(workspace.anne.id(), workspace.bruno.id()),
            AgreementLevel.SEGMENT,
            0.8,
            AnalysisScope.everything());
    // units: 20-54 and 24-54 (Jaccard 0.88) and 79-105 in source 1; 20-54 and 79-105 in source 2
    assertEquals(5, segments.overall().units() / 2, 1e-9);
  }

  @Test
  void matricesExportAsCsvAndXlsx() throws IOException {
    Matrix matrix =
        analysis.matrix(workspace.inquiry.id(), MatrixColumns.cases(), AnalysisScope.everything());
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    workspace
        .fabrique
        .matrixExport()
        .write(matrix, Matrix.Measure.SEGMENTS, MatrixExport.Format.CSV, csv);
    assertEquals(
        "Code / Case (segments),Cohort,Registry\r\ndecision,2,1\r\nconsent,1,1\r\n",
        csv.toString(StandardCharsets.UTF_8));
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    workspace
        .fabrique
        .matrixExport()
        .write(matrix, Matrix.Measure.CHARACTERS, MatrixExport.Format.XLSX, xlsx);
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertEquals("Registry", rows.get(0).getCellText(2));
      assertEquals("decision", rows.get(1).getCellText(0));
      assertEquals("34", rows.get(1).getCellText(1));
    }
  }
}
