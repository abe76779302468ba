package org.fabrique.core.journey.kind;

import org.fabrique.core.journey.ElementId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.VocabularyName;

/** What an element kind's rules check against; every problem is collected, none thrown. */
public interface ElementRules {

  /** Records a problem with the element. */
  void problem(String message);

  /** Checks that a non-empty term belongs to a vocabulary (with the inquiry's own terms). */
  void term(VocabularyName vocabulary, String term);

  /** Checks that an element of the same inquiry, of one of these kinds, has this id. */
  void ref(ElementId id, ItemKind... kinds);
}
