package org.fabrique.formats.prov;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.openprovenance.prov.model.Bundle;
import org.openprovenance.prov.model.Document;
import org.openprovenance.prov.model.Statement;
import org.openprovenance.prov.model.StatementOrBundle;

/** Statements by kind, as read back by ProvToolbox and by Jena, named as {@link ProvGraph} does. */
final class ProvCounts {
  private static final String PROV = "http://www.w3.org/ns/prov#";
  private static final Map<String, String> TOOLBOX =
      Map.ofEntries(
          Map.entry("PROV_ENTITY", "entity"),
          Map.entry("PROV_ACTIVITY", "activity"),
          Map.entry("PROV_AGENT", "agent"),
          Map.entry("PROV_USAGE", "used"),
          Map.entry("PROV_GENERATION", "wasGeneratedBy"),
          Map.entry("PROV_DERIVATION", "wasDerivedFrom"),
          Map.entry("PROV_ASSOCIATION", "wasAssociatedWith"),
          Map.entry("PROV_ATTRIBUTION", "wasAttributedTo"),
          Map.entry("PROV_INFLUENCE", "wasInfluencedBy"),
          Map.entry("PROV_COMMUNICATION", "wasInformedBy"),
          Map.entry("PROV_SPECIALIZATION", "specializationOf"));
  private static final Map<String, String> ONTOLOGY =
      Map.ofEntries(
          Map.entry("Entity", "entity"),
          Map.entry("Activity", "activity"),
          Map.entry("Agent", "agent"),
          Map.entry("Usage", "used"),
          Map.entry("Generation", "wasGeneratedBy"),
          Map.entry("Derivation", "wasDerivedFrom"),
          Map.entry("Association", "wasAssociatedWith"),
          Map.entry("Attribution", "wasAttributedTo"),
          Map.entry("Influence", "wasInfluencedBy"),
          Map.entry("Communication", "wasInformedBy"));

  private ProvCounts() {}

  /** Counts of a document read by ProvToolbox (PROV-N, PROV-JSON, PROV-JSONLD). */
  static Map<String, Long> of(Document document) {
    Map<String, Long> counts = new TreeMap<>();
    for (StatementOrBundle item : document.getStatementOrBundle()) {
      List<Statement> statements =
          item instanceof Bundle bundle ? bundle.getStatement() : List.of((Statement) item);
      for (Statement statement : statements) {
        String kind = TOOLBOX.get(statement.getKind().name());
        if (kind == null) {
          throw new AssertionError("Unexpected statement " + statement.getKind());
        }
        counts.merge(kind, 1L, Long::sum);
      }
    }
    return counts;
  }

  /** Counts of PROV-O read by Jena: typed nodes, and specializationOf triples. */
  static Map<String, Long> of(Model model) {
    Map<String, Long> counts = new TreeMap<>();
    for (Map.Entry<String, String> type : ONTOLOGY.entrySet()) {
      Resource provClass = model.createResource(PROV + type.getKey());
      long found = model.listSubjectsWithProperty(RDF.type, provClass).toList().size();
      if (found > 0) {
        counts.put(type.getValue(), found);
      }
    }
    long specializations =
        model
            .listStatements(null, model.createProperty(PROV + "specializationOf"), (Resource) null)
            .toList()
            .size();
    if (specializations > 0) {
      counts.put("specializationOf", specializations);
    }
    return counts;
  }
}
