package org.fabrique.formats.prov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.RedactionProfile;
import org.junit.jupiter.api.Test;
import org.openprovenance.prov.model.Bundle;
import org.openprovenance.prov.model.Document;
import org.openprovenance.prov.model.ProvFactory;
import org.openprovenance.prov.model.StatementOrBundle;

class ProvExporterTest {
  private final ProvExporter exporter = new ProvExporter();
  private final JourneySnapshot snapshot = SampleJourney.snapshot();
  private final ProvFactory factory = new org.openprovenance.prov.vanilla.ProvFactory();

  private String export(ProvFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.write(snapshot, RedactionProfile.DEFAULT, format, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void provNIsReadBackByProvToolboxWithOneBundlePerJourney() {
    String text = export(ProvFormat.PROVN);
    Document read =
        new org.openprovenance.prov.notation.ProvDeserialiser(factory)
            .deserialiseDocument(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    checkDocument(read);
  }

  /**
   * Writes PROV-JSON and PROV-JSONLD with the project's Jackson into {@code target/prov-exports};
   * {@link ProvReadBackTest} reads them back with ProvToolbox in the second test run.
   */
  @Test
  void provJsonAndJsonLdAreWrittenForTheReadBackRun() throws Exception {
    java.nio.file.Path folder = java.nio.file.Files.createDirectories(ProvReadBackTest.FOLDER);
    for (ProvFormat format : List.of(ProvFormat.JSON, ProvFormat.JSONLD)) {
      String text = export(format);
      assertTrue(text.contains("journey-case-2"), format.id());
      java.nio.file.Files.writeString(
          folder.resolve("sample." + format.id()), text, StandardCharsets.UTF_8);
    }
  }

  @Test
  void provOTurtleIsReadBackByJena() {
    String text = export(ProvFormat.TURTLE);
    Model model = ModelFactory.createDefaultModel();
    RDFDataMgr.read(
        model, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Lang.TURTLE);
    String prov = "http://www.w3.org/ns/prov#";
    assertTrue(model.contains(null, RDF.type, model.createResource(prov + "Plan")));
    assertEquals(
        1,
        model
            .listSubjectsWithProperty(RDF.type, model.createResource(prov + "Bundle"))
            .toList()
            .size());
    assertTrue(
        model.contains(
            null, model.createProperty(prov + "used"), (org.apache.jena.rdf.model.RDFNode) null));
    assertFalse(text.contains(SampleJourney.REAL_NAME));
    assertFalse(text.contains(SampleJourney.QUOTE));
    assertFalse(text.contains("Secret linkage key"));
  }

  @Test
  void theDefaultProfileKeepsPseudonymsAndChecksumsButNoRealNameQuoteOrSecretElement() {
    for (ProvFormat format : List.of(ProvFormat.PROVN, ProvFormat.JSON, ProvFormat.JSONLD)) {
      String text = export(format);
      assertTrue(text.contains("DM-1"), format.id());
      assertFalse(text.contains(SampleJourney.REAL_NAME), format.id());
      assertFalse(text.contains(SampleJourney.QUOTE), format.id());
      assertFalse(text.contains("Secret linkage key"), format.id());
      assertTrue(text.contains("sha256"), format.id());
    }
  }

  static void checkDocument(Document read) {
    List<StatementOrBundle> top = read.getStatementOrBundle();
    assertEquals(1, top.size(), "one bundle for the one journey");
    Bundle bundle = (Bundle) top.get(0);
    assertEquals("journey-case-2", bundle.getId().getLocalPart());
    var kinds =
        bundle.getStatement().stream()
            .collect(Collectors.groupingBy(s -> s.getKind().name(), Collectors.counting()));
    assertEquals(
        5L, kinds.get("PROV_ENTITY"), kinds.toString()); // 2 objects, plan, tension, evidence
    assertEquals(2L, kinds.get("PROV_ACTIVITY"), kinds.toString()); // intervention and resolution
    assertEquals(2L, kinds.get("PROV_AGENT"), kinds.toString());
    assertTrue(kinds.containsKey("PROV_USAGE"));
    assertTrue(kinds.containsKey("PROV_GENERATION"));
    assertTrue(kinds.containsKey("PROV_DERIVATION"));
    assertTrue(kinds.containsKey("PROV_ASSOCIATION"));
    boolean plan =
        bundle.getStatement().stream()
            .filter(s -> s instanceof org.openprovenance.prov.model.Entity)
            .map(s -> (org.openprovenance.prov.model.Entity) s)
            .anyMatch(
                e ->
                    e.getType().stream()
                        .anyMatch(t -> String.valueOf(t.getValue()).contains("Plan")));
    assertTrue(plan, "the choice is a prov:Plan");
  }
}
