package org.fabrique.diff.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabrique.diff.DatasetDiff;
import org.fabrique.diff.DiffOptions;
import org.fabrique.diff.Files2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
  @TempDir Path directory;

  @Test
  void eachDetectedInterventionIsSerialisedWithItsTypeColumnsParametersAndBothSummaries() {
    StringBuilder old = new StringBuilder("id,smoker\n");
    StringBuilder current = new StringBuilder("id,smoker\n");
    for (int row = 1; row <= 60; row++) {
      String value = row % 3 == 0 ? "current" : row % 3 == 1 ? "former" : "never";
      old.append(row).append(',').append(value).append('\n');
      current.append(row).append(',').append(value.equals("never") ? "never" : "ever").append('\n');
    }
    DiffReport report =
        new DatasetDiff()
            .compare(
                Files2.write(directory, "old.csv", old.toString()),
                Files2.write(directory, "new.csv", current.toString()),
                DiffOptions.withKey(List.of("id")));

    JsonNode json = JsonReports.readTree(JsonReports.toJson(report));

    assertEquals("fabrique-diff/1", json.get("formatVersion").asText());
    JsonNode recoding = json.get("interventions").get(0);
    List<String> fields = new ArrayList<>();
    recoding.fieldNames().forEachRemaining(fields::add);
    assertEquals(
        List.of(
            "type", "columns", "parameters", "confidence", "summaryEn", "summaryFr", "evidence"),
        fields);
    assertEquals("recoding", recoding.get("type").asText());
    assertEquals("smoker", recoding.get("columns").get(0).asText());
    assertEquals("merge", recoding.get("parameters").get("kind").asText());
    assertEquals(
        "[\"current\",\"former\"]",
        recoding.get("parameters").get("merged").get("ever").toString());
    assertEquals(
        "Des modalités de smoker ont été regroupées : 3 sont devenues 2 (current → ever, former → ever).",
        recoding.get("summaryFr").asText());
  }
}
