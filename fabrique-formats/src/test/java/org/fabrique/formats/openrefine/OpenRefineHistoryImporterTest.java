package org.fabrique.formats.openrefine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyFixture;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.LineageService;
import org.fabrique.store.JdbcStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenRefineHistoryImporterTest {
  private final JdbcStore store;
  private final JourneyFixture f;
  private final OpenRefineHistoryImporter importer;

  OpenRefineHistoryImporterTest(@TempDir Path folder) {
    store = JdbcStore.openSqlite(folder);
    f = new JourneyFixture(store);
    importer = new OpenRefineHistoryImporter(f.journeys);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private static byte[] history() throws IOException {
    try (InputStream in =
        OpenRefineHistoryImporterTest.class.getResourceAsStream(
            "/org/fabrique/formats/openrefine/cohort-cleaning-history.json")) {
      return in.readAllBytes();
    }
  }

  @Test
  void eachOperationBecomesAnObservedInterventionInAChainOfVersions() throws IOException {
    OpenRefineHistoryImporter.Result result =
        importer.importHistory(
            f.inquiry, Optional.of(f.caseId), f.user, "Cohort extract", "history.json", history());
    assertEquals(6, result.interventions().size());
    List<Intervention> steps =
        result.interventions().stream().map(id -> f.journeys.get(id, Intervention.class)).toList();
    assertEquals(
        List.of("cleaning", "recoding", "selection", "selection", "harmonisation", "other"),
        steps.stream().map(Intervention::type).toList());
    assertEquals(List.of("commune"), steps.get(0).fieldsAffected());
    assertEquals(List.of("date_naissance", "annee_naissance"), steps.get(4).fieldsAffected());
    assertTrue(steps.get(0).tool().contains("value.trim().toUppercase()"));
    assertTrue(steps.stream().allMatch(s -> s.header().knownBy() == KnownBy.OBSERVED));
    for (int i = 1; i < steps.size(); i++) {
      assertEquals(steps.get(i - 1).outputs(), steps.get(i).inputs(), "a chain of versions");
    }
    assertEquals(List.of(result.dataset()), steps.get(0).inputs());
    assertEquals(
        12,
        f.lineage.upstream(steps.get(5).outputs().get(0), LineageService.UNLIMITED).nodes().size());
    assertEquals(1, result.problems().size());
    assertEquals(Problem.Severity.WARNING, result.problems().get(0).severity());
    f.history.undo(f.inquiry, f.user);
    assertEquals(List.of(), f.journeys.elements(f.inquiry));
  }

  @Test
  void aFileThatIsNotAnOperationHistoryIsRefusedWithAMessageSayingWhy() {
    InvalidInputException notJson =
        assertThrows(
            InvalidInputException.class,
            () ->
                importer.importHistory(
                    f.inquiry,
                    Optional.empty(),
                    f.user,
                    "x",
                    "h.json",
                    "[{".getBytes(StandardCharsets.UTF_8)));
    assertTrue(notJson.getMessage().contains("h.json is not JSON"));
    InvalidInputException noOp =
        assertThrows(
            InvalidInputException.class,
            () ->
                importer.importHistory(
                    f.inquiry,
                    Optional.empty(),
                    f.user,
                    "x",
                    "h.json",
                    "[{\"a\":1}]".getBytes(StandardCharsets.UTF_8)));
    assertTrue(noOp.getMessage().contains("operation 1 has no \"op\""));
    assertEquals(List.of(), f.journeys.elements(f.inquiry));
  }
}
