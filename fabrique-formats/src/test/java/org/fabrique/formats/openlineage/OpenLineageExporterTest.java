package org.fabrique.formats.openlineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.journey.JourneyFixture;
import org.fabrique.formats.journey.RedactionProfile;
import org.fabrique.formats.prov.ProvExporterTestAccess;
import org.fabrique.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenLineageExporterTest {
  private final OpenLineageExporter exporter = new OpenLineageExporter();

  private static JsonSchema facetSchema(String name) {
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder.schemaMappers(
                    mappers ->
                        mappers
                            .mapPrefix(
                                "https://openlineage.io/spec/2-0-2/",
                                "classpath:org/fabrique/formats/openlineage/")
                            .mapPrefix(
                                LineageFacets.SCHEMAS,
                                "classpath:org/fabrique/formats/openlineage/facets/1-1-0/")));
    return factory.getSchema(
        SchemaLocation.of(LineageFacets.SCHEMAS + name + ".json#/$defs/" + name));
  }

  @Test
  void everyExportedEventConformsToTheSchemaAndCarriesChoicesTensionsAndGovernance() {
    List<ObjectNode> events =
        exporter.events(ProvExporterTestAccess.sample(), RedactionProfile.DEFAULT);
    assertEquals(1, events.size());
    ObjectNode event = events.get(0);
    OpenLineageEvents.requireValid(event);
    JsonNode choices = event.at("/job/facets/fabrique_choices");
    assertEquals("Keep the full date of birth?", choices.at("/choices/0/question").asText());
    assertEquals("year only", choices.at("/choices/0/selectedOption").asText());
    assertEquals(Set.of(), facetSchema("ChoicesFacet").validate(choices));
    JsonNode tensions = event.at("/job/facets/fabrique_tensions");
    assertEquals("DM-1", tensions.at("/tensions/0/positions/0/actor").asText());
    assertEquals(Set.of(), facetSchema("TensionsFacet").validate(tensions));
    JsonNode governance = event.at("/outputs/0/facets/fabrique_governance");
    assertEquals("pseudonymised", governance.get("identifiability").asText());
    assertEquals(Set.of(), facetSchema("GovernanceDatasetFacet").validate(governance));
    String text = event.toString();
    assertFalse(text.contains("Jeanne Martin"));
    assertFalse(text.contains("we keep the year of birth only"));
  }

  @Test
  void exportedEventsAreReadBackAsTheSameJourneyShape(@TempDir Path folder) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int count =
        exporter.writeNdjson(ProvExporterTestAccess.sample(), RedactionProfile.DEFAULT, out);
    OpenLineageEvents.Parsed parsed = OpenLineageEvents.read(out.toByteArray());
    assertTrue(parsed.valid(), parsed.problems().toString());
    assertEquals(count, parsed.events().size());
    try (JdbcStore store = JdbcStore.openSqlite(folder)) {
      JourneyFixture f = new JourneyFixture(store);
      OpenLineageImporter.Result result =
          new OpenLineageImporter(f.journeys)
              .importEvents(f.inquiry, Optional.empty(), f.user, parsed.events());
      assertEquals(new OpenLineageImporter.Result(1, 1, 2), result);
    }
    assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("\n"));
  }
}
