package org.fabrique.core.journey.kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.Constraint;
import org.fabrique.core.journey.ConstraintKind;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.VocabularyName;

/** The constraints invoked: legal bases, CNIL methodologies, opinions, DUO terms, consent. */
final class ChoiceConstraintRows extends RowList<Choice> {
  ChoiceConstraintRows() {
    super(
        "constraints",
        "journey.constraints",
        "journey.constraints.none",
        List.of(
            FormField.choice(
                    "constraintKind",
                    "journey.constraint.kind",
                    FieldType.CHOICE,
                    Arrays.stream(ConstraintKind.values()).map(ConstraintKind::id).toList(),
                    "journey.constraint.kind.")
                .mandatory(),
            FormField.of("constraintTerm", "journey.constraint.term", FieldType.TEXT)
                .suggesting(
                    VocabularyName.LEGAL_BASES, VocabularyName.PROCEDURES, VocabularyName.DUO),
            FormField.refs(
                "constraintProcedure", "journey.procedure", FieldType.REF, ItemKind.PROCEDURE),
            FormField.of("constraintNote", "journey.evidence.note", FieldType.TEXT)));
  }

  @Override
  public int size(Choice choice) {
    return choice.constraints().size();
  }

  @Override
  public Map<String, List<String>> values(Choice choice, int row) {
    Constraint constraint = choice.constraints().get(row);
    return FormValues.of()
        .text("constraintKind", constraint.kind().id())
        .text("constraintTerm", constraint.term())
        .id("constraintProcedure", constraint.procedure())
        .text("constraintNote", constraint.note())
        .map();
  }

  @Override
  public Choice add(Choice choice, FormInput input) {
    ConstraintKind kind =
        Forms.choice(
            input, "constraintKind", ConstraintKind::fromId, null, "Choose a kind of constraint");
    List<Constraint> constraints = new ArrayList<>(choice.constraints());
    constraints.add(
        new Constraint(
            kind,
            input.text("constraintTerm"),
            input.text("constraintNote"),
            input.id("constraintProcedure")));
    return choice.withConstraints(constraints);
  }

  @Override
  protected Choice without(Choice choice, int row) {
    List<Constraint> constraints = new ArrayList<>(choice.constraints());
    constraints.remove(row);
    return choice.withConstraints(constraints);
  }
}
