package org.fabrique.core.journey.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.memo.ItemKind;

/** The options considered, one of them possibly selected. */
final class ChoiceOptionRows extends RowList<Choice> {
  ChoiceOptionRows() {
    super(
        "options",
        "journey.options.edit",
        "journey.options.none",
        List.of(
            FormField.of("optionLabel", "journey.option", FieldType.TEXT).mandatory(),
            FormField.refs("proposedBy", "journey.proposedBy", FieldType.REFS, ItemKind.ACTOR),
            FormField.of("selectOption", "journey.option.select", FieldType.FLAG)));
  }

  @Override
  public int size(Choice choice) {
    return choice.options().size();
  }

  @Override
  public Map<String, List<String>> values(Choice choice, int row) {
    ChoiceOption option = choice.options().get(row);
    return FormValues.of()
        .text("optionLabel", option.label())
        .ids("proposedBy", option.proposedBy())
        .flag("selectOption", choice.selected().equals(Optional.of(row)))
        .map();
  }

  @Override
  public Choice add(Choice choice, FormInput input) {
    String label = input.text("optionLabel");
    if (label.isEmpty()) {
      throw new InvalidInputException("An option needs a label");
    }
    List<ChoiceOption> options = new ArrayList<>(choice.options());
    options.add(new ChoiceOption(label, input.ids("proposedBy")));
    Optional<Integer> selected =
        input.flag("selectOption") ? Optional.of(options.size() - 1) : choice.selected();
    return choice.withOptions(options, selected);
  }

  @Override
  protected Choice without(Choice choice, int row) {
    List<ChoiceOption> options = new ArrayList<>(choice.options());
    options.remove(row);
    Optional<Integer> selected =
        choice.selected().filter(i -> i != row).map(i -> i > row ? i - 1 : i);
    return choice.withOptions(options, selected);
  }
}
