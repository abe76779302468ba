package org.fabrique.formats.prov;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openprovenance.prov.model.Document;

/**
 * Reads back with ProvToolbox the PROV-JSON and PROV-JSONLD that {@link ProvExporterTest} wrote
 * with the project's Jackson, and checks they carry the statements the builder made. Runs in its
 * own surefire execution, on the Jackson ProvToolbox 2.2.1 was built with (see the module's pom).
 */
class ProvReadBackTest {
  static final Path FOLDER = Path.of("target", "prov-exports");

  private static Map<String, Long> expected() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    for (String line :
        Files.readAllLines(FOLDER.resolve("sample.counts"), StandardCharsets.UTF_8)) {
      String[] parts = line.split("=");
      counts.put(parts[0], Long.parseLong(parts[1]));
    }
    return counts;
  }

  @Test
  void provJsonWrittenByFabriqueIsReadBackByProvToolboxWithTheSameStatements() throws Exception {
    try (InputStream in = Files.newInputStream(FOLDER.resolve("sample.json"))) {
      Document read =
          new org.openprovenance.prov.core.json.serialization.ProvDeserialiser()
              .deserialiseDocument(in);
      assertEquals(expected(), ProvCounts.of(read));
    }
  }

  @Test
  void provJsonLdWrittenByFabriqueIsReadBackByProvToolboxWithTheSameStatements() throws Exception {
    try (InputStream in = Files.newInputStream(FOLDER.resolve("sample.jsonld"))) {
      Document read =
          new org.openprovenance.prov.core.jsonld11.serialization.ProvDeserialiser()
              .deserialiseDocument(in);
      assertEquals(expected(), ProvCounts.of(read));
    }
  }

  @Test
  void theCrabAppleStoryAsProvJsonGivesEveryEntityAtMostOneGeneration() throws Exception {
    try (InputStream in = Files.newInputStream(FOLDER.resolve("crab-apples.json"))) {
      Document read =
          new org.openprovenance.prov.core.json.serialization.ProvDeserialiser()
              .deserialiseDocument(in);
      Map<String, Integer> generations =
          org.fabrique.formats.openlineage.CrabAppleStoryTestAccess.generations(read);
      assertEquals(5, generations.size(), generations.toString());
      generations.forEach((entity, count) -> assertEquals(1, count, entity));
    }
  }
}
