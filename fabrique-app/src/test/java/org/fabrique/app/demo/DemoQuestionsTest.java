package org.fabrique.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.analysis.AnalysisScope;
import org.fabrique.core.analysis.CodingQuery;
import org.fabrique.core.analysis.EvidencePassages;
import org.fabrique.core.analysis.JourneyAnalytics;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.analysis.MatrixColumns;
import org.fabrique.core.analysis.SegmentView;
import org.fabrique.core.coding.Code;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.query.JourneyQueries;
import org.fabrique.core.journey.query.JourneyQuery;
import org.fabrique.core.journey.query.JourneyRow;
import org.fabrique.core.memo.ItemKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example questions of the research (issue 14), asked of the demo inquiry: the rows found are
 * those the demo's cases were written to give (see the journey classes of this package).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoQuestionsTest {
  private Workbench workbench;
  private Fabrique fabrique;
  private InquiryId inquiry;
  private JourneyQueries queries;

  @BeforeAll
  void load(@TempDir Path data) {
    workbench = Workbench.embedded(data);
    fabrique = workbench.fabrique();
    inquiry = new DemoInquiry(fabrique).load().id();
    queries = fabrique.journeys().queries();
  }

  @org.junit.jupiter.api.AfterAll
  void close() {
    workbench.close();
  }

  private static JourneyQuery query(String... pairs) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], List.of(pairs[i + 1]));
    }
    return JourneyQuery.parse(parameters);
  }

  private static List<String> labels(List<JourneyRow> rows) {
    return rows.stream().map(JourneyRow::label).toList();
  }

  @Test
  void regulationChoicesInGenomicsMadeByNeitherLawyersNorCommitteesWithTheirTensionsAndQuotes() {
    List<JourneyRow> rows =
        queries.run(
            inquiry,
            query(
                "kind", "choice",
                "domain", "genomics",
                "dimension", "regulation",
                "role", "decided",
                "not-actor-category", "lawyer,ethics-committee,data-access-committee"));
    assertEquals(
        List.of(
            "Individual genomes or aggregate frequencies for the consortium?",
            "Publish rare variants in the open frequencies?"),
        labels(rows));
    JourneyRow twoTier = rows.get(0);
    assertEquals(
        List.of("bioinformatician"),
        twoTier.actors().stream()
            .filter(a -> a.role().equals("decided"))
            .map(JourneyRow.RowActor::category)
            .toList());
    JourneyRow.Related tension =
        twoTier.related().stream()
            .filter(r -> r.kind() == ItemKind.TENSION)
            .findFirst()
            .orElseThrow();
    assertEquals("Open sharing of genomes against re-identification", tension.label());
    assertEquals("technical-workaround", tension.resolutionMode());
    assertTrue(tension.resolution().startsWith("Aggregate frequencies published openly"));
    JourneyRow.Quote quote = twoTier.quotes().get(0);
    assertTrue(quote.text().startsWith("I proposed to publish aggregate allele frequencies"));
    assertEquals(java.util.Optional.of("BI02"), quote.speaker());
    assertEquals("Interview BI02 — bioinformatician, genome platform, 00:02:47", quote.citation());
    assertFalse(rows.get(1).quotes().isEmpty());

    List<JourneyRow> tensions =
        queries.run(
            inquiry, query("kind", "tension", "domain", "genomics", "dimension", "regulation"));
    assertEquals(
        List.of(
            "Open sharing of genomes against re-identification",
            "Commercial access to individual genomes"),
        labels(tensions));
    assertEquals(
        List.of("technical-workaround", "arbitration"),
        tensions.stream().map(JourneyRow::resolutionMode).toList());
  }

  @Test
  void whoDecidesAboutTheNatureOfTheDataDiffersAcrossCohortGenomicsAndAiModelCases() {
    Matrix counts =
        queries.counts(
            inquiry,
            query("kind", "choice", "dimension", "nature", "role", "decided"),
            JourneyAnalytics.Across.DOMAINS);
    assertEquals(
        List.of("ai-model", "claims", "cohort", "genomics", "—"),
        counts.columns().stream().map(Matrix.Header::key).toList());
    Map<String, List<Long>> rows = new LinkedHashMap<>();
    for (int row = 0; row < counts.rows().size(); row++) {
      rows.put(
          counts.rows().get(row).key(),
          counts.cells().get(row).stream().map(c -> c.value(Matrix.Measure.SEGMENTS)).toList());
    }
    Map<String, List<Long>> expected = new LinkedHashMap<>();
    expected.put("all", List.of(2L, 0L, 2L, 2L, 0L));
    expected.put("bioinformatician", List.of(0L, 0L, 0L, 1L, 0L));
    expected.put("clinician", List.of(0L, 0L, 0L, 1L, 0L));
    expected.put("data-access-committee", List.of(0L, 0L, 1L, 0L, 0L));
    expected.put("data-manager", List.of(1L, 0L, 1L, 0L, 0L));
    expected.put("researcher", List.of(2L, 0L, 0L, 0L, 0L));
    assertEquals(expected, rows);
  }

  @Test
  void interventionsOnTheTrainingSetCarryingChoicesAboutUsesWithWhatInformantsSaid() {
    DataObject training =
        fabrique.journeys().list(inquiry, DataObject.class).stream()
            .filter(d -> d.label().equals("Predicta training set"))
            .findFirst()
            .orElseThrow();
    List<JourneyRow> rows =
        queries.run(
            inquiry,
            query(
                "kind", "intervention",
                "concerning", Long.toString(training.id().value()),
                "dimension", "uses"));
    assertEquals(
        List.of(
            "Year of birth, département, shifted dates, rare countries grouped",
            "Training of the risk model on structured data"),
        labels(rows));
    for (JourneyRow row : rows) {
      assertTrue(
          row.related().stream()
              .anyMatch(
                  r -> r.label().equals("May a company train a commercial model on the cohort?")),
          row.label());
      assertFalse(row.quotes().isEmpty(), row.label());
    }
    assertEquals("So we trained on structured data only.", rows.get(1).quotes().get(0).text());
  }

  @Test
  void codingQueriesAndMatricesTakeAJourneyQueryAsAFilterOfTheirSegments() {
    JourneyQuery choices = query("kind", "choice", "dimension", "uses");
    List<JourneyRow> rows = queries.run(inquiry, choices);
    List<JourneyRow.Quote> quotes = rows.stream().flatMap(r -> r.quotes().stream()).toList();
    EvidencePassages passages = queries.evidence(inquiry, choices);
    assertEquals(quotes.size(), passages.size());
    AnalysisScope within = AnalysisScope.everything().withinEvidence(passages);

    int kept = 0;
    int all = 0;
    for (Code code : fabrique.coding().codes(inquiry)) {
      List<SegmentView> everywhere =
          fabrique
              .analysis()
              .query(inquiry, CodingQuery.coded(code.id()), AnalysisScope.everything());
      List<SegmentView> evidence =
          fabrique.analysis().query(inquiry, CodingQuery.coded(code.id()), within);
      all += everywhere.size();
      kept += evidence.size();
      for (SegmentView view : evidence) {
        assertTrue(
            quotes.stream()
                .anyMatch(
                    q ->
                        q.sourceId().equals(view.segment().sourceId())
                            && q.span().isPresent()
                            && q.span().get().start() < view.segment().end()
                            && view.segment().start() < q.span().get().end()),
            "a segment overlapping no quote of the choices about uses: " + view);
      }
    }
    assertTrue(kept > 0, "some coded segments are evidence of choices about uses");
    assertTrue(kept < all, "and not all of them");

    Matrix matrix = fabrique.analysis().matrix(inquiry, MatrixColumns.cases(), within);
    Matrix full =
        fabrique.analysis().matrix(inquiry, MatrixColumns.cases(), AnalysisScope.everything());
    assertTrue(
        total(matrix) > 0 && total(matrix) < total(full), total(matrix) + " / " + total(full));
  }

  private static long total(Matrix matrix) {
    long sum = 0;
    for (int row = 0; row < matrix.rows().size(); row++) {
      for (int column = 0; column < matrix.columns().size(); column++) {
        sum += matrix.cell(row, column).value(Matrix.Measure.SEGMENTS);
      }
    }
    return sum;
  }
}
