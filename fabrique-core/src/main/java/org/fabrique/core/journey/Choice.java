package org.fabrique.core.journey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.memo.ItemKind;

/**
 * A decision on one or more of the four dimensions. The header's label is the question.
 *
 * @param selected the index of the option selected in {@code options}, if one was
 * @param decisionMode a term of the {@code decision-modes} vocabulary, or empty
 * @param about the interventions, data objects and uses the choice shaped
 */
public record Choice(
    ElementHeader header,
    Set<Dimension> dimensions,
    List<ChoiceOption> options,
    Optional<Integer> selected,
    String rationale,
    List<Constraint> constraints,
    String decisionMode,
    ChoiceStatus status,
    List<ElementId> decidedBy,
    Optional<LocalDate> decidedOn,
    List<ElementId> about)
    implements JourneyElement {
  public Choice {
    Objects.requireNonNull(header, "header");
    dimensions = Set.copyOf(dimensions);
    options = List.copyOf(options);
    Objects.requireNonNull(selected, "selected");
    rationale = rationale == null ? "" : rationale.strip();
    constraints = List.copyOf(constraints);
    decisionMode = decisionMode == null ? "" : decisionMode.strip();
    Objects.requireNonNull(status, "status");
    decidedBy = List.copyOf(decidedBy);
    Objects.requireNonNull(decidedOn, "decidedOn");
    about = List.copyOf(about);
  }

  /** A proposed choice on a question with nothing else known. */
  public static Choice of(ElementHeader header, Set<Dimension> dimensions, List<ElementId> about) {
    return new Choice(
        header,
        dimensions,
        List.of(),
        Optional.empty(),
        "",
        List.of(),
        "",
        ChoiceStatus.PROPOSED,
        List.of(),
        Optional.empty(),
        about);
  }

  public String question() {
    return header.label();
  }

  /** The option selected, if any. */
  public Optional<ChoiceOption> selectedOption() {
    return selected.filter(i -> i >= 0 && i < options.size()).map(options::get);
  }

  public Choice withHeader(ElementHeader newHeader) {
    return new Choice(
        newHeader,
        dimensions,
        options,
        selected,
        rationale,
        constraints,
        decisionMode,
        status,
        decidedBy,
        decidedOn,
        about);
  }

  /** The same choice, decided: its options, the one selected, the rationale and how. */
  public Choice decided(
      List<ChoiceOption> newOptions,
      int selectedIndex,
      String newRationale,
      String mode,
      List<ElementId> deciders,
      Optional<LocalDate> on) {
    return new Choice(
        header,
        dimensions,
        newOptions,
        Optional.of(selectedIndex),
        newRationale,
        constraints,
        mode,
        ChoiceStatus.SETTLED,
        deciders,
        on,
        about);
  }

  public Choice withStatus(ChoiceStatus newStatus) {
    return new Choice(
        header,
        dimensions,
        options,
        selected,
        rationale,
        constraints,
        decisionMode,
        newStatus,
        decidedBy,
        decidedOn,
        about);
  }

  /**
   * The same choice with other options; {@code newSelected} is the index of the selected option in
   * {@code newOptions}, if one is.
   */
  public Choice withOptions(List<ChoiceOption> newOptions, Optional<Integer> newSelected) {
    return new Choice(
        header,
        dimensions,
        newOptions,
        newSelected,
        rationale,
        constraints,
        decisionMode,
        status,
        decidedBy,
        decidedOn,
        about);
  }

  public Choice withConstraints(List<Constraint> newConstraints) {
    return new Choice(
        header,
        dimensions,
        options,
        selected,
        rationale,
        newConstraints,
        decisionMode,
        status,
        decidedBy,
        decidedOn,
        about);
  }

  @Override
  public ItemKind kind() {
    return ItemKind.CHOICE;
  }

  @Override
  public List<ElementId> references() {
    List<ElementId> refs = new ArrayList<>(about);
    refs.addAll(decidedBy);
    options.forEach(o -> refs.addAll(o.proposedBy()));
    constraints.forEach(c -> c.procedure().ifPresent(refs::add));
    return refs;
  }
}
