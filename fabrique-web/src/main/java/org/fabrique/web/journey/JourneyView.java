package org.fabrique.web.journey;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceStatus;
import org.fabrique.core.journey.ClaimKind;
import org.fabrique.core.journey.ConstraintKind;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.TensionStatus;
import org.fabrique.core.journey.Use;
import org.fabrique.core.journey.kind.ElementKind;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.journey.kind.FormField;
import org.fabrique.core.vocabulary.Term;
import org.fabrique.core.vocabulary.Vocabulary;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * What the journey templates need of a case's or an inquiry's journey: the elements by kind, the
 * vocabularies with the inquiry's own terms, and labels in the page's language.
 */
public record JourneyView(
    Inquiry inquiry,
    Optional<Case> theCase,
    List<JourneyElement> elements,
    Map<VocabularyName, Vocabulary> vocabularies,
    String language) {

  public List<DataObject> dataObjects() {
    return of(DataObject.class);
  }

  public List<Intervention> interventions() {
    return of(Intervention.class);
  }

  /** The interventions by start date, undated ones last. */
  public List<Intervention> timeline() {
    return interventions().stream()
        .sorted(
            Comparator.comparing(
                    (Intervention i) -> i.startedAt().or(i::endedAt).orElse(java.time.Instant.MAX))
                .thenComparing(i -> i.id().value()))
        .toList();
  }

  public List<Actor> actors() {
    return of(Actor.class);
  }

  public List<Choice> choices() {
    return of(Choice.class);
  }

  public List<Tension> tensions() {
    return of(Tension.class);
  }

  public List<Use> uses() {
    return of(Use.class);
  }

  public List<Procedure> procedures() {
    return of(Procedure.class);
  }

  /**
   * The most interventions, elements or element choices a journey page lists: a case of thousands
   * shows its latest ones and sends to the tables for the rest (a page listing 100,000
   * interventions weighed 107 MB and was never drawn).
   */
  public static final int SHOWN = 200;

  /** The latest {@link #SHOWN} interventions of the timeline, in date order. */
  public List<Intervention> timelineShown() {
    List<Intervention> all = timeline();
    return all.size() <= SHOWN ? all : all.subList(all.size() - SHOWN, all.size());
  }

  /** The elements the page lists: all of them, or the {@link #SHOWN} made last. */
  public List<JourneyElement> elementsShown() {
    if (elements.size() <= SHOWN) {
      return elements;
    }
    return elements.stream()
        .sorted(Comparator.comparingLong((JourneyElement e) -> e.id().value()).reversed())
        .limit(SHOWN)
        .toList();
  }

  /** Whether a field offers only some of the elements it could (the {@link #SHOWN} made last). */
  public boolean optionsCut(FormField field) {
    return !field.kinds().isEmpty()
        && elements.stream().filter(e -> field.kinds().contains(e.kind())).count() > SHOWN;
  }

  /** A value offered by a field of a form (an element, a term) and its label. */
  public record Option(String value, String label) {}

  /** Every kind of element, in the order forms are offered. */
  public List<ElementKind<?>> kinds() {
    return ElementKinds.all();
  }

  public ElementKind<?> kindOf(JourneyElement element) {
    return ElementKinds.of(element);
  }

  /** The current values of an element's fields, by name. */
  public Map<String, List<String>> values(JourneyElement element) {
    return ElementKinds.of(element).formValues(element);
  }

  /** What a field offers: the elements of its kinds, or the terms of its vocabulary. */
  public List<Option> options(FormField field) {
    if (!field.kinds().isEmpty()) {
      List<JourneyElement> candidates =
          elements.stream().filter(e -> field.kinds().contains(e.kind())).toList();
      if (candidates.size() > SHOWN) {
        candidates =
            candidates.stream()
                .sorted(Comparator.comparingLong((JourneyElement e) -> e.id().value()).reversed())
                .limit(SHOWN)
                .toList();
      }
      return candidates.stream()
          .map(e -> new Option(Long.toString(e.id().value()), e.label()))
          .toList();
    }
    return field.vocabularies().stream()
        .flatMap(v -> terms(v).stream())
        .map(t -> new Option(t.id(), label(t)))
        .toList();
  }

  /** A stored instant as an HTML datetime-local value (UTC, to the minute). */
  public static String dateTimeLocal(String instant) {
    if (instant == null || instant.isEmpty()) {
      return "";
    }
    return java.time.LocalDateTime.ofInstant(
            java.time.Instant.parse(instant), java.time.ZoneOffset.UTC)
        .format(
            java.time.format.DateTimeFormatter.ofPattern(
                "yyyy-MM-dd'T'HH:mm", java.util.Locale.ROOT));
  }

  /** The label of an element by its id as text, or the id. */
  public String labelOf(String id) {
    return labelOf(new ElementId(Long.parseLong(id)));
  }

  public <T extends JourneyElement> List<T> of(Class<T> type) {
    return elements.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The label of an element of this view by id, or its id. */
  public String labelOf(ElementId id) {
    return byId().getOrDefault(id, null) == null ? "#" + id : byId().get(id).label();
  }

  private Map<ElementId, JourneyElement> byId() {
    return elements.stream().collect(Collectors.toMap(JourneyElement::id, Function.identity()));
  }

  public List<Term> terms(VocabularyName name) {
    return vocabularies.get(name).terms();
  }

  public List<Term> interventionTypes() {
    return terms(VocabularyName.INTERVENTION_TYPES);
  }

  public List<Term> identifiability() {
    return terms(VocabularyName.IDENTIFIABILITY);
  }

  public List<Term> decisionModes() {
    return terms(VocabularyName.DECISION_MODES);
  }

  public List<Term> tensionNatures() {
    return terms(VocabularyName.TENSION_NATURES);
  }

  public List<Term> resolutionModes() {
    return terms(VocabularyName.RESOLUTION_MODES);
  }

  public List<Term> purposes() {
    return terms(VocabularyName.PURPOSES);
  }

  public List<Term> procedureTypes() {
    return terms(VocabularyName.PROCEDURES);
  }

  public List<Term> legalBases() {
    return terms(VocabularyName.LEGAL_BASES);
  }

  public List<Term> duo() {
    return terms(VocabularyName.DUO);
  }

  public List<ConstraintKind> constraintKinds() {
    return List.of(ConstraintKind.values());
  }

  public List<Term> roles() {
    return terms(VocabularyName.ROLES);
  }

  /** The label of a term in the page's language, or the id when the term is unknown. */
  public String term(VocabularyName name, String id) {
    if (id == null || id.isEmpty()) {
      return "";
    }
    return vocabularies
        .get(name)
        .term(id)
        .map(t -> t.label(Locale.forLanguageTag(language)))
        .orElse(id);
  }

  public String label(Term term) {
    return term.label(Locale.forLanguageTag(language));
  }

  /** The items of a list with their positions, for forms that address rows by position. */
  public static <T> List<Map.Entry<Integer, T>> indexed(List<T> items) {
    return java.util.stream.IntStream.range(0, items.size())
        .mapToObj(i -> Map.entry(i, items.get(i)))
        .toList();
  }

  public List<DataObjectType> dataObjectTypes() {
    return List.of(DataObjectType.values());
  }

  public List<ActorType> actorTypes() {
    return List.of(ActorType.values());
  }

  public List<Dimension> dimensions() {
    return List.of(Dimension.values());
  }

  public List<ChoiceStatus> choiceStatuses() {
    return List.of(ChoiceStatus.values());
  }

  public List<TensionStatus> tensionStatuses() {
    return List.of(TensionStatus.values());
  }

  public List<KnownBy> knownBys() {
    return List.of(KnownBy.values());
  }

  public List<ClaimKind> claimKinds() {
    return List.of(ClaimKind.values());
  }
}
