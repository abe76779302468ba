package org.fabrique.formats.openlineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.kind.ElementKind;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.journey.kind.LineageContext;
import org.fabrique.core.journey.kind.LineageFacet;
import org.fabrique.core.journey.prov.Sensitive;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.Term;
import org.fabrique.core.vocabulary.Vocabularies;
import org.fabrique.core.vocabulary.VocabularyName;
import org.fabrique.formats.journey.Checksums;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.RedactionProfile;

/**
 * Fabrique's own facets of an export, by the job or dataset that carries them: each element kind
 * says which facet it goes in and on what (see {@link ElementKinds}); this class gathers the
 * entries and gives them the facet envelope ({@code _producer}, {@code _schemaURL}).
 */
final class LineageFacets implements LineageContext {
  /** Where Fabrique's facet schemas are published (also served by the web app under /spec). */
  static final String SCHEMAS = "https://w3id.org/fabrique/spec/facets/1-1-0/";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JourneySnapshot snapshot;
  private final RedactionProfile profile;
  private final Map<ElementId, JourneyElement> exported = new LinkedHashMap<>();
  private final Map<ElementId, List<JourneyElement>> referencing = new HashMap<>();
  private final Map<ElementId, Map<String, ObjectNode>> facets = new HashMap<>();

  LineageFacets(JourneySnapshot snapshot, RedactionProfile profile) {
    this.snapshot = snapshot;
    this.profile = profile;
    snapshot.elements().stream()
        .filter(e -> profile.allows(e.header().confidentiality()))
        .forEach(e -> exported.put(e.id(), e));
    for (JourneyElement element : exported.values()) {
      for (ElementId ref : element.references()) {
        referencing.computeIfAbsent(ref, r -> new ArrayList<>()).add(element);
      }
    }
    for (JourneyElement element : exported.values()) {
      gather(element);
    }
  }

  /** The Fabrique facets of a job (intervention) or dataset (data object), by key. */
  Map<String, ObjectNode> of(ElementId target) {
    return facets.getOrDefault(target, Map.of());
  }

  private void gather(JourneyElement element) {
    ElementKind<?> kind = ElementKinds.of(element);
    Map<String, Object> entry = kind.lineageEntry(element, this);
    if (entry.isEmpty()) {
      return;
    }
    LineageFacet facet = kind.lineageFacet();
    for (ElementId target : kind.lineageTargets(element, this)) {
      if (!exported.containsKey(target)) {
        continue;
      }
      Map<String, ObjectNode> mine = facets.computeIfAbsent(target, t -> new LinkedHashMap<>());
      if (facet.listKey().isEmpty()) {
        ObjectNode node = envelope(facet);
        node.setAll((ObjectNode) MAPPER.valueToTree(entry));
        mine.put(facet.key(), node);
      } else {
        ObjectNode node = mine.computeIfAbsent(facet.key(), k -> envelope(facet));
        ArrayNode list =
            node.has(facet.listKey())
                ? (ArrayNode) node.get(facet.listKey())
                : node.putArray(facet.listKey());
        list.add(MAPPER.valueToTree(entry));
      }
    }
  }

  private static ObjectNode envelope(LineageFacet facet) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("_producer", OpenLineageExporter.PRODUCER);
    node.put("_schemaURL", SCHEMAS + facet.schema() + ".json#/$defs/" + facet.schema());
    return node;
  }

  @Override
  public Optional<JourneyElement> exported(ElementId id) {
    return Optional.ofNullable(exported.get(id));
  }

  @Override
  public List<JourneyElement> referencing(ElementId id) {
    return referencing.getOrDefault(id, List.of());
  }

  @Override
  public List<Participation> participationsOf(JourneyElement element) {
    boolean actor = element.kind() == ItemKind.ACTOR;
    return snapshot.participations().stream()
        .filter(p -> actor ? p.actor().equals(element.id()) : p.target().equals(element.ref()))
        .filter(p -> exported.containsKey(p.actor()))
        .filter(p -> exported.containsKey(new ElementId(p.target().id())))
        .toList();
  }

  @Override
  public List<Map<String, Object>> evidence(JourneyElement element) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Evidence evidence : snapshot.evidence()) {
      if (!evidence.element().equals(element.ref())
          || !profile.allows(evidence.confidentiality())) {
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", "evidence-" + evidence.id());
      entry.put("source", "source-" + evidence.sourceId());
      evidence.segmentId().ifPresent(s -> entry.put("segment", "segment-" + s));
      evidence
          .span()
          .ifPresent(
              span -> {
                entry.put("start", span.start());
                entry.put("end", span.end());
              });
      entry.put(
          "sha256", Checksums.of(evidence, snapshot.sourceDigests().get(evidence.sourceId())));
      if (discloses(Sensitive.QUOTES)) {
        if (!evidence.quote().isEmpty()) {
          entry.put("quote", evidence.quote());
        }
        if (!evidence.note().isEmpty()) {
          entry.put("note", evidence.note());
        }
      }
      out.add(entry);
    }
    return out;
  }

  @Override
  public String iri(VocabularyName vocabulary, String term) {
    if (term == null || term.isEmpty()) {
      return "";
    }
    return Vocabularies.bundled().get(vocabulary).term(term).map(Term::iri).orElse("");
  }

  @Override
  public boolean discloses(Sensitive what) {
    return profile.discloses(what);
  }
}
