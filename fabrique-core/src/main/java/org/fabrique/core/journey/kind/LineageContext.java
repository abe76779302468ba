package org.fabrique.core.journey.kind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.prov.Sensitive;
import org.fabrique.core.vocabulary.VocabularyName;

/** What an element kind's OpenLineage mapping reads: the exported journey and its evidence. */
public interface LineageContext {

  /** An element the export carries. */
  Optional<JourneyElement> exported(ElementId id);

  /** The exported elements that refer to this one. */
  List<JourneyElement> referencing(ElementId id);

  /** The roles of actors in an element, or of an actor in elements. */
  List<Participation> participationsOf(JourneyElement element);

  /**
   * The evidence of an element as facet entries: source and segment references, span, SHA-256 of
   * the quote, the quote itself only when the profile discloses quotes.
   */
  List<Map<String, Object>> evidence(JourneyElement element);

  /** The IRI of a vocabulary term, or empty. */
  String iri(VocabularyName vocabulary, String term);

  boolean discloses(Sensitive what);

  /** The label of an exported element (an actor's pseudonym), or its id. */
  default String labelOf(ElementId id) {
    return exported(id).map(JourneyElement::label).orElse("#" + id);
  }
}
