package org.fabrique.core.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.fabrique.core.vocabulary.Term;
import org.fabrique.core.vocabulary.Vocabularies;
import org.fabrique.core.vocabulary.Vocabulary;
import org.fabrique.core.vocabulary.VocabularyName;
import org.junit.jupiter.api.Test;

class VocabulariesTest {
  @Test
  void everyShippedVocabularyHasAVersionAndTermsLabelledInEnglishAndFrench() {
    for (VocabularyName name : VocabularyName.values()) {
      Vocabulary vocabulary = Vocabularies.bundled().get(name);
      assertEquals(name.id(), vocabulary.name());
      assertFalse(vocabulary.version().isBlank(), name.id());
      assertFalse(vocabulary.terms().isEmpty(), name.id());
      for (Term term : vocabulary.terms()) {
        assertFalse(term.labelEn().isBlank(), name.id() + " " + term.id());
        assertFalse(term.labelFr().isBlank(), name.id() + " " + term.id());
      }
      assertEquals(
          vocabulary.terms().size(),
          vocabulary.terms().stream().map(Term::id).distinct().count(),
          "ids are unique in " + name.id());
    }
  }

  @Test
  void duoAndDpvTermsKeepTheirIrisAndInterventionTypesMapToDpvAndOpenLineage() {
    Vocabularies all = Vocabularies.bundled();
    Term irb = all.get(VocabularyName.DUO).term("DUO:0000021").orElseThrow();
    assertEquals("http://purl.obolibrary.org/obo/DUO_0000021", irb.iri());
    assertEquals("approbation éthique requise", irb.label(Locale.FRENCH));
    assertEquals(
        "https://w3id.org/dpv/legal/eu/gdpr#A9-2-j",
        all.get(VocabularyName.LEGAL_BASES).term("A9-2-j").orElseThrow().iri());
    Term linkage = all.get(VocabularyName.INTERVENTION_TYPES).term("linkage").orElseThrow();
    assertEquals("dpv:Match", linkage.mapping("dpv").orElseThrow());
    assertEquals("INDIRECT/JOIN", linkage.mapping("openlineage").orElseThrow());
    for (String state :
        new String[] {
          "identifying", "pseudonymised", "contextually-anonymised", "anonymised", "synthetic"
        }) {
      assertTrue(all.get(VocabularyName.IDENTIFIABILITY).contains(state), state);
    }
    for (int i = 1; i <= 8; i++) {
      assertTrue(all.get(VocabularyName.PROCEDURES).contains("MR-00" + i));
    }
  }
}
