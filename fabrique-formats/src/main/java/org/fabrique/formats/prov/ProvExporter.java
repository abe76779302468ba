package org.fabrique.formats.prov;

import java.io.OutputStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.RedactionProfile;
import org.openprovenance.prov.model.Document;
import org.openprovenance.prov.model.ProvFactory;

/**
 * Writes an inquiry's journeys (or one journey) as PROV-N, PROV-JSON, PROV-JSONLD or PROV-O. One
 * builder makes the statements ({@link ProvGraph}); each serialisation writes all of them.
 */
public final class ProvExporter {
  private final ProvFactory factory = new org.openprovenance.prov.vanilla.ProvFactory();

  /** The statements of a snapshot, under a redaction profile. */
  public ProvGraph graph(JourneySnapshot snapshot, RedactionProfile profile) {
    return new ProvGraphBuilder(snapshot, profile).build();
  }

  /** The ProvToolbox document of a snapshot, under a redaction profile. */
  public Document document(JourneySnapshot snapshot, RedactionProfile profile) {
    return new ProvToolboxDocuments(factory).document(graph(snapshot, profile));
  }

  public void write(
      JourneySnapshot snapshot, RedactionProfile profile, ProvFormat format, OutputStream out) {
    ProvGraph graph = graph(snapshot, profile);
    if (format == ProvFormat.TURTLE) {
      RDFDataMgr.write(out, new ProvOntologyWriter().model(graph), Lang.TURTLE);
      return;
    }
    Document document = new ProvToolboxDocuments(factory).document(graph);
    org.openprovenance.prov.model.ProvSerialiser serialiser =
        switch (format) {
          case PROVN -> new org.openprovenance.prov.notation.ProvSerialiser(factory);
          case JSON -> new org.openprovenance.prov.core.json.serialization.ProvSerialiser();
          case JSONLD -> new org.openprovenance.prov.core.jsonld11.serialization.ProvSerialiser();
          case TURTLE -> throw new IllegalStateException("handled above");
        };
    serialiser.serialiseDocument(out, document, true);
  }
}
