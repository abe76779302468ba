package org.fabrique.formats.prov;

import java.io.OutputStream;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.RedactionProfile;
import org.openprovenance.prov.model.Document;
import org.openprovenance.prov.model.ProvFactory;

/** Writes an inquiry's journeys (or one journey) as PROV-N, PROV-JSON, PROV-JSONLD or PROV-O. */
public final class ProvExporter {
  private final ProvFactory factory = new org.openprovenance.prov.vanilla.ProvFactory();

  /** The PROV document of a snapshot, under a redaction profile. */
  public Document document(JourneySnapshot snapshot, RedactionProfile profile) {
    return new ProvDocumentBuilder(factory, profile, snapshot).build(snapshot);
  }

  public void write(
      JourneySnapshot snapshot, RedactionProfile profile, ProvFormat format, OutputStream out) {
    if (format == ProvFormat.TURTLE) {
      new ProvTurtleWriter(snapshot, profile).write(out);
      return;
    }
    Document document = document(snapshot, profile);
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
