package org.fabrique.core.journey.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.ConditionChange;
import org.fabrique.core.journey.Constraint;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.Use;
import org.fabrique.core.journey.UseCondition;
import org.fabrique.core.journey.kind.QueryFacts;
import org.fabrique.core.journey.query.CaseDossier.Detail;
import org.fabrique.core.journey.query.CaseDossier.DetailKey;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * The entries of a case's dossier: each element's row with its vocabulary terms in the reader's
 * language, and the details its kind has, every text as the export scope lets it out.
 */
final class DossierEntries {
  private final InquiryJourneys snapshot;
  private final RowSources sources;
  private final Locale locale;

  DossierEntries(InquiryJourneys snapshot, RowSources sources, Locale locale) {
    this.snapshot = snapshot;
    this.sources = sources;
    this.locale = locale;
  }

  /**
   * The entry of an element: its row with its terms translated and the details of its kind.
   *
   * @param quoteNumbers the number in the evidence index of each quote of the row, in order
   */
  CaseDossier.Entry entry(JourneyElement element, JourneyRow row, List<Integer> quoteNumbers) {
    List<Detail> details = new ArrayList<>();
    String description = sources.text(element.header().description());
    if (!description.isEmpty() && !description.equals(row.rationale())) {
      details.add(detail(DetailKey.DESCRIPTION, description));
    }
    if (element instanceof Intervention intervention) {
      details.add(detail(DetailKey.TYPE, term(VocabularyName.INTERVENTION_TYPES, row.type())));
      details.add(new Detail(DetailKey.INPUTS, labels(intervention.inputs())));
      details.add(new Detail(DetailKey.OUTPUTS, labels(intervention.outputs())));
      details.add(detail(DetailKey.TOOL, sources.text(intervention.tool())));
      List<String> changes = new ArrayList<>();
      for (ConditionChange change : intervention.conditionChanges()) {
        changes.add(
            change.effect().name().toLowerCase(Locale.ROOT) + ": " + condition(change.condition()));
      }
      details.add(new Detail(DetailKey.CONDITIONS, changes));
    } else if (element instanceof Choice choice) {
      details.add(
          new Detail(
              DetailKey.DIMENSIONS, choice.dimensions().stream().map(this::dimension).toList()));
      List<String> options = new ArrayList<>();
      for (int i = 0; i < choice.options().size(); i++) {
        ChoiceOption option = choice.options().get(i);
        int index = i;
        boolean selected = choice.selected().filter(s -> s == index).isPresent();
        options.add((selected ? "[x] " : "[ ] ") + sources.text(option.label()));
      }
      details.add(new Detail(DetailKey.OPTIONS, options));
      details.add(
          detail(
              DetailKey.DECISION_MODE, term(VocabularyName.DECISION_MODES, choice.decisionMode())));
      details.add(new Detail(DetailKey.DECIDED_BY, labels(choice.decidedBy())));
      details.add(detail(DetailKey.STATUS, choice.status().id()));
      details.add(detail(DetailKey.DATE, choice.decidedOn().map(LocalDate::toString).orElse("")));
      List<String> constraints = new ArrayList<>();
      for (Constraint constraint : choice.constraints()) {
        constraints.add(
            join(
                constraint.kind().id() + ": " + constraint.term(),
                sources.text(constraint.note())));
      }
      details.add(new Detail(DetailKey.CONSTRAINTS, constraints));
    } else if (element instanceof Tension tension) {
      details.add(detail(DetailKey.TYPE, term(VocabularyName.TENSION_NATURES, tension.nature())));
      List<String> positions = new ArrayList<>();
      for (Position position : tension.positions()) {
        positions.add(
            join(
                label(position.actor()) + ": " + sources.text(position.stance()),
                sources.text(position.argument())));
      }
      details.add(new Detail(DetailKey.POSITIONS, positions));
      details.add(detail(DetailKey.STATUS, tension.status().id()));
      details.add(
          detail(
              DetailKey.RESOLUTION_MODE,
              term(VocabularyName.RESOLUTION_MODES, tension.resolutionMode())));
      details.add(
          detail(
              DetailKey.RESOLUTION,
              join(
                  sources.text(tension.resolution()),
                  tension.resolvedBy().map(this::label).orElse(""))));
    } else if (element instanceof Procedure procedure) {
      details.add(detail(DetailKey.TYPE, term(VocabularyName.PROCEDURES, procedure.type())));
      details.add(detail(DetailKey.REFERENCE, sources.text(procedure.reference())));
      details.add(detail(DetailKey.DATE, procedure.date().map(LocalDate::toString).orElse("")));
      details.add(detail(DetailKey.ISSUED_BY, procedure.issuedBy().map(this::label).orElse("")));
      details.add(detail(DetailKey.OUTCOME, sources.text(procedure.outcome())));
    } else if (element instanceof Use use) {
      details.add(detail(DetailKey.TYPE, term(VocabularyName.PURPOSES, use.purposeTerm())));
      details.add(detail(DetailKey.REQUESTER, use.requester().map(this::label).orElse("")));
      details.add(new Detail(DetailKey.DATA_USED, labels(use.dataUsed())));
      details.add(
          new Detail(
              DetailKey.CONDITIONS,
              use.conditionsRequested().stream().map(this::condition).toList()));
      details.add(detail(DetailKey.PROCEDURE, use.procedure().map(this::label).orElse("")));
    } else if (!row.type().isEmpty()) {
      details.add(detail(DetailKey.TYPE, row.type()));
    }
    details.add(detail(DetailKey.KNOWN_BY, element.header().knownBy().id()));
    List<Detail> kept = details.stream().filter(d -> !d.values().isEmpty()).toList();
    List<JourneyRow.RowActor> actors =
        row.actors().stream()
            .map(
                a ->
                    new JourneyRow.RowActor(
                        a.id(),
                        a.pseudonym(),
                        term(VocabularyName.ACTOR_CATEGORIES, a.category()),
                        a.institution(),
                        QueryFacts.PARTS.contains(a.role())
                            ? a.role()
                            : term(VocabularyName.ROLES, a.role()),
                        a.detail()))
            .toList();
    JourneyRow translated =
        new JourneyRow(
            row.kind(),
            row.id(),
            row.label(),
            row.caseId(),
            row.caseName(),
            row.domain(),
            row.type(),
            row.status(),
            row.dimensions(),
            row.decisionMode(),
            row.resolutionMode(),
            row.knownBy(),
            row.date(),
            row.rationale(),
            actors,
            row.quotes(),
            row.related());
    return new CaseDossier.Entry(translated, kept, quoteNumbers);
  }

  private static Detail detail(DetailKey key, String value) {
    return new Detail(key, value == null || value.isBlank() ? List.of() : List.of(value));
  }

  private static String join(String first, String second) {
    if (second == null || second.isBlank()) {
      return first;
    }
    return first.isBlank() ? second : first + " — " + second;
  }

  private String condition(UseCondition condition) {
    return join(term(VocabularyName.DUO, condition.term()), sources.text(condition.note()));
  }

  private List<String> labels(List<ElementId> ids) {
    return ids.stream().map(this::label).toList();
  }

  /** An element's label as it goes out, or its id when the profile leaves it out. */
  private String label(ElementId id) {
    JourneyElement element = snapshot.elements.get(id);
    return element == null ? "#" + id.value() : sources.text(element.label());
  }

  /** A vocabulary term in the reader's language, or its id when the vocabulary lacks it. */
  String term(VocabularyName vocabulary, String id) {
    if (id == null || id.isBlank()) {
      return "";
    }
    return snapshot.vocabulary(vocabulary).term(id).map(t -> t.label(locale)).orElse(id);
  }

  private String dimension(Dimension dimension) {
    if (!"fr".equals(locale.getLanguage())) {
      return dimension.id();
    }
    return switch (dimension) {
      case NATURE -> "nature";
      case KNOWLEDGE -> "connaissance";
      case USES -> "usages";
      case REGULATION -> "régulation";
    };
  }
}
