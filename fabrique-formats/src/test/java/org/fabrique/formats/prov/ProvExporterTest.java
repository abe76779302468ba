package org.fabrique.formats.prov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.RedactionProfile;
import org.junit.jupiter.api.Test;
import org.openprovenance.prov.model.Bundle;
import org.openprovenance.prov.model.Document;
import org.openprovenance.prov.model.ProvFactory;

/**
 * One builder, four serialisations: each carries the same statements (the same counts by kind, read
 * back by ProvToolbox and by Jena) and every field of every element.
 */
class ProvExporterTest {
  static final RedactionProfile DISCLOSING =
      new RedactionProfile(
          Confidentiality.CONFIDENTIAL,
          RedactionProfile.Disclosure.DISCLOSED,
          RedactionProfile.Disclosure.DISCLOSED,
          RedactionProfile.Disclosure.DISCLOSED);

  private final ProvExporter exporter = new ProvExporter();
  private final JourneySnapshot snapshot = SampleJourney.snapshot();
  private final ProvFactory factory = new org.openprovenance.prov.vanilla.ProvFactory();

  private String export(ProvFormat format, RedactionProfile profile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.write(snapshot, profile, format, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private Document readProvN(String text) {
    return new org.openprovenance.prov.notation.ProvDeserialiser(factory)
        .deserialiseDocument(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Model readTurtle(String text) {
    Model model = ModelFactory.createDefaultModel();
    RDFDataMgr.read(
        model, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Lang.TURTLE);
    return model;
  }

  @Test
  void provNAndProvOCarryTheSameStatementsAsTheBuilderMade() {
    for (RedactionProfile profile : List.of(RedactionProfile.DEFAULT, DISCLOSING)) {
      Map<String, Long> expected = exporter.graph(snapshot, profile).counts();
      Document provn = readProvN(export(ProvFormat.PROVN, profile));
      assertEquals(expected, ProvCounts.of(provn));
      assertEquals(expected, ProvCounts.of(readTurtle(export(ProvFormat.TURTLE, profile))));
      assertEquals(1, provn.getStatementOrBundle().size(), "one bundle for the one journey");
      assertEquals(
          "journey-case-2", ((Bundle) provn.getStatementOrBundle().get(0)).getId().getLocalPart());
    }
  }

  /**
   * Writes PROV-JSON and PROV-JSONLD with the project's Jackson, and the counts they must have,
   * into {@code target/prov-exports}; {@link ProvReadBackTest} reads them back with ProvToolbox in
   * the second test run.
   */
  @Test
  void provJsonAndJsonLdAreWrittenForTheReadBackRun() throws Exception {
    java.nio.file.Path folder = Files.createDirectories(ProvReadBackTest.FOLDER);
    for (ProvFormat format : List.of(ProvFormat.JSON, ProvFormat.JSONLD)) {
      String text = export(format, DISCLOSING);
      assertTrue(text.contains("journey-case-2"), format.id());
      Files.writeString(folder.resolve("sample." + format.id()), text, StandardCharsets.UTF_8);
    }
    StringBuilder counts = new StringBuilder();
    exporter
        .graph(snapshot, DISCLOSING)
        .counts()
        .forEach((kind, count) -> counts.append(kind).append('=').append(count).append('\n'));
    Files.writeString(folder.resolve("sample.counts"), counts, StandardCharsets.UTF_8);
  }

  @Test
  void everyDataObjectIsGeneratedAtMostOnce() {
    Map<ProvName, Integer> generations = new HashMap<>();
    exporter.graph(snapshot, DISCLOSING).bundles().values().stream()
        .flatMap(List::stream)
        .filter(ProvStatement.Generation.class::isInstance)
        .map(s -> ((ProvStatement.Generation) s).entity())
        .forEach(e -> generations.merge(e, 1, Integer::sum));
    assertFalse(generations.isEmpty());
    generations.forEach((entity, count) -> assertEquals(1, count, entity.toString()));
  }

  @Test
  void everyFormatCarriesOptionsDatesConstraintsStancesResolutionsRolesSpansAndNames() {
    for (ProvFormat format : ProvFormat.values()) {
      String text = export(format, DISCLOSING);
      for (String expected :
          List.of(
              "year only", // an option
              "full date", // the other option
              "2025-02-20", // decidedOn
              "A6-1-e", // a legal basis
              "MR-004", // a CNIL reference methodology
              "CESREES opinion of 2024-12-03", // a committee opinion, by its note
              "privacy first", // an argument, disclosed
              "month kept for infants", // the resolution text
              "data-manager", // a role
              "TextPositionSelector",
              "TextQuoteSelector",
              SampleJourney.QUOTE, // disclosed
              "segment-8", // the coded segment
              "s3://cohort-bucket/extracts/pseudonymised.parquet")) {
        assertTrue(text.contains(expected), format.id() + " lacks " + expected);
      }
    }
  }

  @Test
  void theDefaultProfileKeepsPseudonymsAndChecksumsButNoRealNameQuoteOrSecretElement() {
    for (ProvFormat format : ProvFormat.values()) {
      String text = export(format, RedactionProfile.DEFAULT);
      assertTrue(text.contains("DM-1"), format.id());
      assertTrue(text.contains("TextPositionSelector"), format.id());
      assertFalse(text.contains("TextQuoteSelector"), format.id());
      assertFalse(text.contains(SampleJourney.REAL_NAME), format.id());
      assertFalse(text.contains(SampleJourney.QUOTE), format.id());
      assertFalse(text.contains("privacy first"), format.id());
      assertFalse(text.contains("Secret linkage key"), format.id());
      assertTrue(text.contains("sha256"), format.id());
    }
  }
}
