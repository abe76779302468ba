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
import org.fabrique.core.journey.JourneySlice;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.TensionStatus;
import org.fabrique.core.journey.Use;
import org.fabrique.core.journey.kind.ElementKind;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.journey.kind.FormField;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.Term;
import org.fabrique.core.vocabulary.Vocabulary;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * What the journey templates need of a case's or an inquiry's journey: its elements by kind (all of
 * them, or for a large case's page the last made of each kind, see {@link JourneySlice}), how many
 * there are of each kind, the vocabularies with the inquiry's own terms, and labels in the page's
 * language.
 */
public record JourneyView(
    Inquiry inquiry,
    Optional<Case> theCase,
    List<JourneyElement> elements,
    Map<ItemKind, Long> counts,
    Map<VocabularyName, Vocabulary> vocabularies,
    String language) {

  public JourneyView {
    elements = elements.stream().sorted(Comparator.comparingLong(e -> e.id().value())).toList();
  }

  /** A view of every element given. */
  public static JourneyView whole(
      Inquiry inquiry,
      Optional<Case> theCase,
      List<JourneyElement> elements,
      Map<VocabularyName, Vocabulary> vocabularies,
      String language) {
    return of(inquiry, theCase, JourneySlice.whole(elements), vocabularies, language);
  }

  /** A view of a part of a journey, read without reading it whole. */
  public static JourneyView of(
      Inquiry inquiry,
      Optional<Case> theCase,
      JourneySlice slice,
      Map<VocabularyName, Vocabulary> vocabularies,
      String language) {
    return new JourneyView(
        inquiry, theCase, slice.elements(), slice.counts(), vocabularies, language);
  }

  /** How many elements of a kind the journey holds in all (not only those of this view). */
  public long count(ItemKind kind) {
    return counts.getOrDefault(kind, 0L);
  }

  /** How many elements the journey holds in all. */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

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

  /**
   * The most elements a form's picker offers (the last made); another is given by its number. Each
   * form of the page has its pickers, so they weigh most of a large journey's page: with 200 each,
   * 1,900 options of 3,900 elements, and the page took longer to draw in a browser.
   */
  public static final int OFFERED = 50;

  /** The {@link #SHOWN} interventions made last (all when there are fewer), in date order. */
  public List<Intervention> timelineShown() {
    List<Intervention> all = interventions();
    List<Intervention> shown =
        all.size() <= SHOWN ? all : lastMade(all.stream()).map(Intervention.class::cast).toList();
    return shown.stream()
        .sorted(
            Comparator.comparing(
                    (Intervention i) -> i.startedAt().or(i::endedAt).orElse(java.time.Instant.MAX))
                .thenComparing(i -> i.id().value()))
        .toList();
  }

  /** Whether the timeline shows only some of the interventions. */
  public boolean timelineCut() {
    return timelineShown().size() < count(ItemKind.INTERVENTION);
  }

  /** The elements the page lists: all of them, or the {@link #SHOWN} made last. */
  public List<JourneyElement> elementsShown() {
    if (elements.size() <= SHOWN) {
      return elements;
    }
    return lastMade(elements.stream()).map(JourneyElement.class::cast).toList();
  }

  private static java.util.stream.Stream<? extends JourneyElement> lastMade(
      java.util.stream.Stream<? extends JourneyElement> elements) {
    return elements
        .sorted(Comparator.comparingLong((JourneyElement e) -> e.id().value()).reversed())
        .limit(SHOWN);
  }

  /** Whether a field offers only some of the elements it could (the {@link #OFFERED} made last). */
  public boolean optionsCut(FormField field) {
    return field.kinds().stream().mapToLong(this::count).sum() > OFFERED;
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
      if (candidates.size() > OFFERED) {
        candidates =
            lastMade(candidates.stream()).limit(OFFERED).map(JourneyElement.class::cast).toList();
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

  /**
   * What a field offers, with the values it has besides: an element chosen that is not among the
   * {@link #OFFERED} offered stays offered, and so stays chosen when the form is sent.
   */
  public List<Option> options(FormField field, List<String> values) {
    List<Option> offered = options(field);
    if (field.kinds().isEmpty() || values.isEmpty()) {
      return offered;
    }
    List<Option> all = new java.util.ArrayList<>(offered);
    java.util.Set<String> known = offered.stream().map(Option::value).collect(Collectors.toSet());
    for (String value : values) {
      if (value.matches("\\d{1,18}") && known.add(value)) {
        all.add(new Option(value, labelOf(value)));
      }
    }
    return all;
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
