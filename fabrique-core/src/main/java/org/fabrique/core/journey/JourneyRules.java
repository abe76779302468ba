package org.fabrique.core.journey;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.vocabulary.Vocabularies;
import org.fabrique.core.vocabulary.Vocabulary;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Checks a journey element before it is written: a label, references to elements of the right kind
 * in the same inquiry, terms from the inquiry's vocabularies. All problems are reported at once.
 */
final class JourneyRules {
  private final Transaction tx;
  private final Function<ElementId, Optional<JourneyElement>> lookup;
  private final Map<VocabularyName, Vocabulary> vocabularies = new EnumMap<>(VocabularyName.class);
  private final List<String> problems = new ArrayList<>();

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
    ElementHeader header = element.header();
    if (header.label().isEmpty()) {
      problems.add(
          element instanceof Actor
              ? "An actor needs a pseudonym"
              : "A " + element.kind().id().replace('-', ' ') + " needs a label");
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
    if (element instanceof DataObject object) {
      term(VocabularyName.IDENTIFIABILITY, object.identifiability(), element);
      term(VocabularyName.HEALTH_CATEGORIES, object.healthCategory(), element);
      object.useConditions().forEach(c -> term(VocabularyName.DUO, c.term(), element));
      object.partOf().ifPresent(id -> ref(id, element, ItemKind.DATA_OBJECT));
    } else if (element instanceof Intervention intervention) {
      term(VocabularyName.INTERVENTION_TYPES, intervention.type(), element);
      intervention.inputs().forEach(id -> ref(id, element, ItemKind.DATA_OBJECT));
      intervention.outputs().forEach(id -> ref(id, element, ItemKind.DATA_OBJECT));
      for (ConditionChange change : intervention.conditionChanges()) {
        term(VocabularyName.DUO, change.condition().term(), element);
        change.choice().ifPresent(id -> ref(id, element, ItemKind.CHOICE));
      }
      if (intervention.startedAt().isPresent()
          && intervention.endedAt().isPresent()
          && intervention.endedAt().get().isBefore(intervention.startedAt().get())) {
        problems.add("An intervention cannot end before it starts");
      }
    } else if (element instanceof Choice choice) {
      if (choice.dimensions().isEmpty()) {
        problems.add("A choice needs at least one dimension");
      }
      term(VocabularyName.DECISION_MODES, choice.decisionMode(), element);
      choice
          .selected()
          .ifPresent(
              i -> {
                if (i < 0 || i >= choice.options().size()) {
                  problems.add("The option selected is not one of the options considered");
                }
              });
      choice.options().forEach(o -> o.proposedBy().forEach(id -> ref(id, element, ItemKind.ACTOR)));
      choice.decidedBy().forEach(id -> ref(id, element, ItemKind.ACTOR));
      choice
          .about()
          .forEach(
              id -> ref(id, element, ItemKind.INTERVENTION, ItemKind.DATA_OBJECT, ItemKind.USE));
      for (Constraint constraint : choice.constraints()) {
        switch (constraint.kind()) {
          case LEGAL_BASIS -> term(VocabularyName.LEGAL_BASES, constraint.term(), element);
          case CNIL_PROCEDURE -> term(VocabularyName.PROCEDURES, constraint.term(), element);
          case DUO_TERM -> term(VocabularyName.DUO, constraint.term(), element);
          default -> {}
        }
        constraint.procedure().ifPresent(id -> ref(id, element, ItemKind.PROCEDURE));
      }
    } else if (element instanceof Tension tension) {
      term(VocabularyName.TENSION_NATURES, tension.nature(), element);
      term(VocabularyName.RESOLUTION_MODES, tension.resolutionMode(), element);
      tension
          .about()
          .forEach(
              id ->
                  ref(
                      id,
                      element,
                      ItemKind.CHOICE,
                      ItemKind.INTERVENTION,
                      ItemKind.DATA_OBJECT,
                      ItemKind.USE));
      tension.positions().forEach(p -> ref(p.actor(), element, ItemKind.ACTOR));
      tension
          .resolvedBy()
          .ifPresent(id -> ref(id, element, ItemKind.INTERVENTION, ItemKind.CHOICE));
    } else if (element instanceof Use use) {
      term(VocabularyName.PURPOSES, use.purposeTerm(), element);
      use.requester().ifPresent(id -> ref(id, element, ItemKind.ACTOR));
      use.dataUsed().forEach(id -> ref(id, element, ItemKind.DATA_OBJECT));
      use.conditionsRequested().forEach(c -> term(VocabularyName.DUO, c.term(), element));
      use.procedure().ifPresent(id -> ref(id, element, ItemKind.PROCEDURE));
    } else if (element instanceof Procedure procedure) {
      term(VocabularyName.PROCEDURES, procedure.type(), element);
      procedure.issuedBy().ifPresent(id -> ref(id, element, ItemKind.ACTOR));
    } else if (element instanceof KnowledgeClaim claim) {
      claim.about().forEach(id -> ref(id, element, ItemKind.DATA_OBJECT));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(String.join("; ", problems));
    }
  }

  /** Checks a role before a participation is added. */
  void checkRole(org.fabrique.core.inquiry.InquiryId inquiry, String role) {
    if (!role.isEmpty() && !vocabulary(inquiry, VocabularyName.ROLES).contains(role)) {
      throw new InvalidInputException("Unknown role " + role);
    }
  }

  private void term(VocabularyName name, String term, JourneyElement element) {
    if (!term.isEmpty() && !vocabulary(element.inquiryId(), name).contains(term)) {
      problems.add("Unknown term " + term + " in vocabulary " + name.id());
    }
  }

  private Vocabulary vocabulary(org.fabrique.core.inquiry.InquiryId inquiry, VocabularyName name) {
    return vocabularies.computeIfAbsent(name, n -> vocabulary(tx, inquiry, n));
  }

  private void ref(ElementId id, JourneyElement element, ItemKind... kinds) {
    Optional<JourneyElement> other = lookup.apply(id);
    if (other.isEmpty() || !other.get().inquiryId().equals(element.inquiryId())) {
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
