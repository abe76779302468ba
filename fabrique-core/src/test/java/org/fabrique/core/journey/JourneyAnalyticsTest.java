package org.fabrique.core.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.analysis.JourneyAnalytics;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyAnalyticsTest {
  private final JourneyFixture fixture;
  private final JourneyAnalytics analytics;

  JourneyAnalyticsTest(@TempDir Path folder) {
    fixture = new JourneyFixture(folder);
    analytics = new JourneyAnalytics(fixture.store);
  }

  /** A cohort case (the fixture's) and a genomics case, with choices, tensions and roles. */
  private void journeys() {
    CaseId genomics = fixture.newCase("Biobank", Domain.GENOMICS);
    DataObject raw = fixture.dataset("Raw");
    DataObject extract = fixture.dataset("Extract");
    Intervention pseudo = fixture.intervention("Pseudonymise", "pseudonymisation", raw, extract);
    Intervention select = fixture.intervention("Select", "selection", raw, extract);
    fixture.journeys.create(
        fixture.user,
        Choice.of(
            fixture.header("Year only?"),
            Set.of(Dimension.NATURE, Dimension.REGULATION),
            List.of(pseudo.id())));
    fixture.choice("Which patients?", Dimension.KNOWLEDGE, select);
    DataObject sample = fixture.dataset("Sample");
    fixture.journeys.create(
        fixture.user,
        Choice.of(
            ElementHeader.of(fixture.journeys.newId(), fixture.inquiry, genomics, "Share?"),
            Set.of(Dimension.USES),
            List.of(sample.id())));
    Actor steward =
        fixture.journeys.create(
            fixture.user, new Actor(fixture.header("DS-1"), ActorType.PERSON, Optional.empty()));
    fixture.journeys.addParticipation(fixture.user, steward.id(), "data-manager", pseudo.id());
    fixture.journeys.addParticipation(fixture.user, steward.id(), "data-manager", select.id());
    Tension open =
        fixture.journeys.create(
            fixture.user,
            Tension.open(
                fixture.header("Precision"),
                List.of(pseudo.id()),
                "utility-privacy",
                List.of(new Position(steward.id(), "for", ""))));
    fixture.journeys.update(fixture.user, open.resolved("negotiation", "", Optional.empty()));
    fixture.journeys.create(
        fixture.user,
        Tension.open(
            ElementHeader.of(fixture.journeys.newId(), fixture.inquiry, genomics, "Openness"),
            List.of(sample.id()),
            "utility-privacy",
            List.of()));
  }

  private static List<List<Long>> counts(Matrix matrix) {
    return matrix.cells().stream()
        .map(row -> row.stream().map(c -> c.value(Matrix.Measure.SEGMENTS)).toList())
        .toList();
  }

  private static List<String> labels(List<Matrix.Header> headers) {
    return headers.stream().map(Matrix.Header::label).toList();
  }

  @Test
  void choicesAreCountedByDimensionAndInterventionTypeAcrossDomains() {
    journeys();
    Matrix matrix = analytics.choices(fixture.inquiry, JourneyAnalytics.Across.DOMAINS);
    assertEquals(List.of("cohort", "genomics", "—"), labels(matrix.columns()));
    assertEquals(
        List.of(
            "knowledge · selection",
            "nature · pseudonymisation",
            "regulation · pseudonymisation",
            "uses · —"),
        labels(matrix.rows()));
    assertEquals(
        List.of(List.of(1L, 0L, 0L), List.of(1L, 0L, 0L), List.of(1L, 0L, 0L), List.of(0L, 1L, 0L)),
        counts(matrix));
    Matrix byCase = analytics.choices(fixture.inquiry, JourneyAnalytics.Across.CASES);
    assertEquals(List.of("Cohort to model", "Biobank", "—"), labels(byCase.columns()));
  }

  @Test
  void tensionsAreCountedByNatureAndResolution() {
    journeys();
    Matrix matrix = analytics.tensions(fixture.inquiry);
    assertEquals(List.of("utility-privacy"), labels(matrix.rows()));
    assertEquals(List.of("negotiation", "—"), labels(matrix.columns()));
    assertEquals(List.of(List.of(1L, 1L)), counts(matrix));
    Matrix across = analytics.tensionsAcross(fixture.inquiry, JourneyAnalytics.Across.DOMAINS);
    assertEquals(
        List.of("utility-privacy · negotiation", "utility-privacy · —"), labels(across.rows()));
    assertEquals(List.of(List.of(1L, 0L, 0L), List.of(0L, 1L, 0L)), counts(across));
  }

  @Test
  void rolesAreCountedByInterventionType() {
    journeys();
    Matrix matrix = analytics.roles(fixture.inquiry);
    assertEquals(List.of("data-manager"), labels(matrix.rows()));
    assertEquals(List.of("pseudonymisation", "selection"), labels(matrix.columns()));
    assertEquals(List.of(List.of(1L, 1L)), counts(matrix));
  }

  @Test
  void anInquiryWithoutJourneysGivesEmptyMatrices() {
    assertEquals(List.of(), analytics.roles(fixture.inquiry).rows());
    assertEquals(List.of(), analytics.tensions(fixture.inquiry).rows());
  }
}
