package org.fabrique.core.journey;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.journey.kind.ElementKind;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.journey.kind.ElementRules;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.vocabulary.Vocabularies;
import org.fabrique.core.vocabulary.Vocabulary;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Checks a journey element before it is written: a label and a case of the inquiry, then what its
 * kind's descriptor checks (references to elements of the right kind in the same inquiry, terms
 * from the inquiry's vocabularies). All problems are reported at once.
 */
final class JourneyRules implements ElementRules {
  private final Transaction tx;
  private final Function<ElementId, Optional<JourneyElement>> lookup;
  private final Map<VocabularyName, Vocabulary> vocabularies = new EnumMap<>(VocabularyName.class);
  private final List<String> problems = new ArrayList<>();
  private JourneyElement current;

  JourneyRules(Transaction tx, Function<ElementId, Optional<JourneyElement>> lookup) {
    this.tx = tx;
    this.lookup = lookup;
  }

  /** The bundled vocabulary with the terms the inquiry added. */
  static Vocabulary vocabulary(
      Transaction tx, org.fabrique.core.inquiry.InquiryId inquiry, VocabularyName name) {
    List<org.fabrique.core.vocabulary.Term> own =
        tx.journeys().terms(inquiry).stream()
            .filter(t -> t.vocabulary() == name)
            .map(InquiryTerm::term)
            .toList();
    return Vocabularies.bundled().get(name).with(own);
  }

  void check(JourneyElement element) {
    problems.clear();
    current = element;
    ElementKind<?> kind = ElementKinds.of(element);
    ElementHeader header = element.header();
    if (header.label().isEmpty()) {
      problems.add(kind.missingLabel());
    }
    header
        .caseId()
        .ifPresent(
            caseId -> {
              Optional<Case> theCase = tx.inquiries().findCase(caseId);
              if (theCase.isEmpty() || !theCase.get().inquiryId().equals(header.inquiryId())) {
                problems.add("There is no case " + caseId + " in this inquiry");
              }
            });
    kind.check(element, this);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          String.join("; ", problems),
          problems.stream().map(message -> Problem.error(kind.id(), message)).toList());
    }
  }

  @Override
  public void problem(String message) {
    problems.add(message);
  }

  /** Checks a role before a participation is added. */
  void checkRole(org.fabrique.core.inquiry.InquiryId inquiry, String role) {
    if (!role.isEmpty() && !vocabulary(inquiry, VocabularyName.ROLES).contains(role)) {
      throw new InvalidInputException("Unknown role " + role);
    }
  }

  @Override
  public void term(VocabularyName name, String term) {
    if (!term.isEmpty() && !vocabulary(current.inquiryId(), name).contains(term)) {
      problems.add("Unknown term " + term + " in vocabulary " + name.id());
    }
  }

  private Vocabulary vocabulary(org.fabrique.core.inquiry.InquiryId inquiry, VocabularyName name) {
    return vocabularies.computeIfAbsent(name, n -> vocabulary(tx, inquiry, n));
  }

  @Override
  public void ref(ElementId id, ItemKind... kinds) {
    Optional<JourneyElement> other = lookup.apply(id);
    if (other.isEmpty() || !other.get().inquiryId().equals(current.inquiryId())) {
      problems.add("There is no element " + id + " in this inquiry");
      return;
    }
    for (ItemKind kind : kinds) {
      if (other.get().kind() == kind) {
        return;
      }
    }
    problems.add("Element " + id + " is a " + other.get().kind().id() + ", which cannot go there");
  }
}
