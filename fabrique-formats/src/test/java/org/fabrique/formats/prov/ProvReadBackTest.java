package org.fabrique.formats.prov;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openprovenance.prov.model.Document;

/**
 * Reads back with ProvToolbox the PROV-JSON and PROV-JSONLD that {@link ProvExporterTest} wrote
 * with the project's Jackson. Runs in its own surefire execution, on the Jackson ProvToolbox 2.2.1
 * was built with (see the module's pom).
 */
class ProvReadBackTest {
  static final Path FOLDER = Path.of("target", "prov-exports");

  @Test
  void provJsonWrittenByFabriqueIsReadBackByProvToolbox() throws Exception {
    try (InputStream in = Files.newInputStream(FOLDER.resolve("sample.json"))) {
      Document read =
          new org.openprovenance.prov.core.json.serialization.ProvDeserialiser()
              .deserialiseDocument(in);
      ProvExporterTest.checkDocument(read);
    }
  }

  @Test
  void provJsonLdWrittenByFabriqueIsReadBackByProvToolbox() throws Exception {
    try (InputStream in = Files.newInputStream(FOLDER.resolve("sample.jsonld"))) {
      Document read =
          new org.openprovenance.prov.core.jsonld11.serialization.ProvDeserialiser()
              .deserialiseDocument(in);
      ProvExporterTest.checkDocument(read);
    }
  }
}
