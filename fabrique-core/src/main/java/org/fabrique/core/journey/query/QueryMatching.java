package org.fabrique.core.journey.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.kind.GraphFacts;
import org.fabrique.core.journey.kind.QueryFacts;
import org.fabrique.core.vocabulary.VocabularyName;

/** Whether a journey query fits an inquiry, and which elements of its journeys pass it. */
final class QueryMatching {
  private QueryMatching() {}

  static void check(InquiryJourneys snapshot, JourneyQuery query) {
    List<Problem> problems = new ArrayList<>();
    terms(
        snapshot,
        VocabularyName.ACTOR_CATEGORIES,
        "actor-category",
        query.actorCategories(),
        problems);
    terms(
        snapshot,
        VocabularyName.ACTOR_CATEGORIES,
        "not-actor-category",
        query.excludedActorCategories(),
        problems);
    terms(
        snapshot,
        VocabularyName.INTERVENTION_TYPES,
        "intervention-type",
        query.interventionTypes(),
        problems);
    terms(
        snapshot, VocabularyName.DECISION_MODES, "decision-mode", query.decisionModes(), problems);
    terms(
        snapshot,
        VocabularyName.RESOLUTION_MODES,
        "resolution-mode",
        query.resolutionModes(),
        problems);
    for (String role : query.roles()) {
      if (!QueryFacts.PARTS.contains(role)
          && !snapshot.vocabulary(VocabularyName.ROLES).contains(role)) {
        problems.add(Problem.error("role", "Unknown role " + role));
      }
    }
    for (CaseId caseId : query.cases()) {
      if (!snapshot.cases.containsKey(caseId)) {
        problems.add(Problem.error("case", "There is no case " + caseId + " in this inquiry"));
      }
    }
    for (CodeId code : query.codes()) {
      if (!snapshot.codes.containsKey(code)) {
        problems.add(Problem.error("code", "Code " + code + " is not a code of this inquiry"));
      }
    }
    for (ElementId actor : query.actors()) {
      if (!(snapshot.elements.get(actor) instanceof Actor)) {
        problems.add(Problem.error("actor", "There is no actor " + actor + " in this inquiry"));
      }
    }
    for (ElementId element : query.concerning()) {
      if (!snapshot.elements.containsKey(element)) {
        problems.add(
            Problem.error("concerning", "There is no element " + element + " in this inquiry"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          String.join("; ", problems.stream().map(Problem::message).toList()), problems);
    }
  }

  private static void terms(
      InquiryJourneys snapshot,
      VocabularyName vocabulary,
      String parameter,
      Set<String> values,
      List<Problem> problems) {
    if (values.isEmpty()) {
      return;
    }
    var known = snapshot.vocabulary(vocabulary);
    for (String value : values) {
      if (!known.contains(value)) {
        problems.add(
            Problem.error(
                parameter, "Unknown term " + value + " in vocabulary " + vocabulary.id()));
      }
    }
  }

  static boolean matches(InquiryJourneys snapshot, JourneyQuery query, JourneyElement e) {
    GraphFacts graph = snapshot.graph.get(e.id());
    QueryFacts facts = snapshot.facts.get(e.id());
    if (!query.kinds().isEmpty() && !query.kinds().contains(e.kind())) {
      return false;
    }
    if (!query.types().isEmpty() && !query.types().contains(graph.type())) {
      return false;
    }
    if (!query.cases().isEmpty()
        && (e.header().caseId().isEmpty() || !query.cases().contains(e.header().caseId().get()))) {
      return false;
    }
    if (!query.domains().isEmpty()
        && snapshot.domainOf(e).filter(query.domains()::contains).isEmpty()) {
      return false;
    }
    if (!query.knownBy().isEmpty() && !query.knownBy().contains(e.header().knownBy())) {
      return false;
    }
    if (!query.statuses().isEmpty() && !query.statuses().contains(graph.status())) {
      return false;
    }
    if (!query.decisionModes().isEmpty() && !query.decisionModes().contains(facts.decisionMode())) {
      return false;
    }
    if (!query.resolutionModes().isEmpty()
        && !query.resolutionModes().contains(facts.resolutionMode())) {
      return false;
    }
    if (!query.dimensions().isEmpty()
        && !intersects(snapshot.dimensionsOf(e), InquiryJourneys.ids(query.dimensions()))) {
      return false;
    }
    if (!query.interventionTypes().isEmpty()
        && !intersects(snapshot.interventionTypesOf(e), query.interventionTypes())) {
      return false;
    }
    if (!query.concerning().isEmpty()
        && !query.concerning().contains(e.id())
        && !intersects(snapshot.neighboursOf(e.id()), query.concerning())) {
      return false;
    }
    if (!actorsMatch(snapshot, query, e)) {
      return false;
    }
    if (query.from().isPresent() || query.to().isPresent()) {
      Optional<LocalDate> date = snapshot.dateOf(e.id());
      if (date.isEmpty()
          || query.from().filter(date.get()::isBefore).isPresent()
          || query.to().filter(date.get()::isAfter).isPresent()) {
        return false;
      }
    }
    List<Evidence> evidence = snapshot.evidenceOf(e.id());
    switch (query.evidence()) {
      case WITH -> {
        if (evidence.isEmpty()) {
          return false;
        }
      }
      case WITHOUT -> {
        if (!evidence.isEmpty()) {
          return false;
        }
      }
      case ANY -> {
        // no condition
      }
    }
    if (!query.codes().isEmpty()
        && evidence.stream().noneMatch(ev -> intersects(snapshot.codesOn(ev), query.codes()))) {
      return false;
    }
    return true;
  }

  private static boolean actorsMatch(
      InquiryJourneys snapshot, JourneyQuery query, JourneyElement element) {
    boolean actorFilters =
        !query.roles().isEmpty()
            || !query.actors().isEmpty()
            || !query.actorCategories().isEmpty()
            || !query.excludedActorCategories().isEmpty();
    if (!actorFilters) {
      return true;
    }
    List<JourneyRow.RowActor> considered = considered(snapshot, query, element);
    if (considered.isEmpty()) {
      return false;
    }
    if (!query.actors().isEmpty()
        && considered.stream().noneMatch(a -> query.actors().contains(a.id()))) {
      return false;
    }
    if (!query.actorCategories().isEmpty()
        && considered.stream().noneMatch(a -> query.actorCategories().contains(a.category()))) {
      return false;
    }
    return query.excludedActorCategories().isEmpty()
        || considered.stream()
            .noneMatch(a -> query.excludedActorCategories().contains(a.category()));
  }

  /** The actors of an element in the roles the query asks for (all of them if it asks none). */
  static List<JourneyRow.RowActor> considered(
      InquiryJourneys snapshot, JourneyQuery query, JourneyElement element) {
    return snapshot.actorsOf(element).stream()
        .filter(a -> query.roles().isEmpty() || query.roles().contains(a.role()))
        .toList();
  }

  private static <T> boolean intersects(Set<T> some, Set<T> others) {
    for (T value : some) {
      if (others.contains(value)) {
        return true;
      }
    }
    return false;
  }
}
