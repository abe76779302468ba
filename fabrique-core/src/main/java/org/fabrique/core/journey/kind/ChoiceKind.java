package org.fabrique.core.journey.kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.ChoiceStatus;
import org.fabrique.core.journey.Constraint;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.ElementOperations;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.prov.ProvAttributes;
import org.fabrique.core.journey.prov.ProvContext;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Choices: PROV plans, with each option and each constraint an entity of its own, associated with
 * the interventions and uses they shaped; entries of the {@code fabrique_choices} facet.
 */
final class ChoiceKind extends ElementKind<Choice> {
  private static final List<ItemKind> ABOUT =
      List.of(ItemKind.INTERVENTION, ItemKind.DATA_OBJECT, ItemKind.USE);

  ChoiceKind() {
    super(
        ItemKind.CHOICE,
        Choice.class,
        new KindOperations<>(
            "journey.choice",
            ElementOperations.CreateChoice.class,
            ElementOperations.CreateChoice::new,
            ElementOperations.UpdateChoice.class,
            ElementOperations.UpdateChoice::new,
            ElementOperations.DeleteChoice.class,
            ElementOperations.DeleteChoice::new));
  }

  @Override
  public boolean takesParticipants() {
    return true;
  }

  @Override
  protected void rules(Choice choice, ElementRules rules) {
    if (choice.dimensions().isEmpty()) {
      rules.problem("A choice needs at least one dimension");
    }
    rules.term(VocabularyName.DECISION_MODES, choice.decisionMode());
    choice
        .selected()
        .ifPresent(
            i -> {
              if (i < 0 || i >= choice.options().size()) {
                rules.problem("The option selected is not one of the options considered");
              }
            });
    choice.options().forEach(o -> o.proposedBy().forEach(id -> rules.ref(id, ItemKind.ACTOR)));
    choice.decidedBy().forEach(id -> rules.ref(id, ItemKind.ACTOR));
    choice.about().forEach(id -> rules.ref(id, ABOUT.toArray(ItemKind[]::new)));
    for (Constraint constraint : choice.constraints()) {
      switch (constraint.kind()) {
        case LEGAL_BASIS -> rules.term(VocabularyName.LEGAL_BASES, constraint.term());
        case CNIL_PROCEDURE -> rules.term(VocabularyName.PROCEDURES, constraint.term());
        case DUO_TERM -> rules.term(VocabularyName.DUO, constraint.term());
        default -> {
          // authorisations, opinions, consent and others name their act in the note or procedure
        }
      }
      constraint.procedure().ifPresent(id -> rules.ref(id, ItemKind.PROCEDURE));
    }
  }

  @Override
  protected GraphFacts facts(Choice choice) {
    GraphFacts.Builder facts = GraphFacts.of("", choice.status().id());
    choice.about().forEach(a -> facts.edge(choice.id(), a, "about"));
    choice.dimensions().stream().sorted().forEach(d -> facts.dimension(d.id()));
    Set<ElementId> actors = new LinkedHashSet<>(choice.decidedBy());
    choice.options().forEach(o -> actors.addAll(o.proposedBy()));
    return facts
        .actors(actors)
        .time(choice.decidedOn().map(d -> d.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)))
        .build();
  }

  @Override
  protected QueryFacts query(Choice choice) {
    List<QueryFacts.NamedActor> actors =
        new ArrayList<>(QueryFacts.NamedActor.all(choice.decidedBy(), QueryFacts.DECIDED));
    for (ChoiceOption option : choice.options()) {
      for (ElementId proposer : option.proposedBy()) {
        actors.add(new QueryFacts.NamedActor(proposer, QueryFacts.PROPOSED, option.label()));
      }
    }
    String why = choice.rationale().isEmpty() ? choice.header().description() : choice.rationale();
    return new QueryFacts(why, choice.decisionMode(), "", actors);
  }

  @Override
  protected void mapProv(Choice choice, ProvContext prov) {
    ProvName id = prov.name(choice);
    ProvAttributes attributes =
        headerAttributes(choice).type(ProvName.prov("Plan")).fabType("Choice");
    choice.dimensions().stream().sorted().forEach(d -> attributes.text("dimension", d.id()));
    attributes
        .text("status", choice.status().id())
        .text("decisionMode", choice.decisionMode())
        .text("rationale", choice.rationale());
    choice.decidedOn().ifPresent(d -> attributes.date("decidedOn", d));
    List<ProvStatement> parts = new ArrayList<>();
    for (int i = 0; i < choice.options().size(); i++) {
      ChoiceOption option = choice.options().get(i);
      ProvName optionId = ProvName.element(id.local() + "-option-" + i);
      attributes.ref("option", optionId);
      boolean selected = choice.selected().equals(Optional.of(i));
      if (selected) {
        attributes.ref("selectedOption", optionId);
      }
      parts.add(
          new ProvStatement.Entity(
              optionId,
              ProvAttributes.of()
                  .fabType("Option")
                  .label(option.label())
                  .text("selected", Boolean.toString(selected))
                  .list()));
      for (ElementId proposer : option.proposedBy()) {
        prov.ref(proposer)
            .ifPresent(
                agent ->
                    parts.add(
                        new ProvStatement.Attribution(
                            prov.relation(),
                            optionId,
                            agent,
                            ProvAttributes.of().ref("role", ProvName.fab("proposer")).list())));
      }
    }
    for (int i = 0; i < choice.constraints().size(); i++) {
      Constraint constraint = choice.constraints().get(i);
      ProvName constraintId = ProvName.element(id.local() + "-constraint-" + i);
      attributes.ref("constraint", constraintId);
      ProvAttributes constraintAttributes =
          ProvAttributes.of()
              .fabType("Constraint")
              .text("constraintKind", constraint.kind().id())
              .text("term", constraint.term())
              .text("note", constraint.note());
      constraint
          .procedure()
          .flatMap(prov::ref)
          .ifPresent(p -> constraintAttributes.ref("procedure", p));
      parts.add(new ProvStatement.Entity(constraintId, constraintAttributes.list()));
      constraint
          .procedure()
          .flatMap(prov::ref)
          .ifPresent(
              p -> parts.add(new ProvStatement.Influence(prov.relation(), id, p, List.of())));
    }
    prov.add(choice, new ProvStatement.Entity(id, attributes.list()));
    parts.forEach(p -> prov.add(choice, p));
    for (ElementId decider : choice.decidedBy()) {
      prov.ref(decider)
          .ifPresent(
              agent ->
                  prov.add(
                      choice,
                      new ProvStatement.Attribution(
                          prov.relation(),
                          id,
                          agent,
                          ProvAttributes.of().ref("role", ProvName.fab("decider")).list())));
    }
    for (ElementId about : choice.about()) {
      Optional<JourneyElement> target = prov.exported(about);
      if (target.isEmpty()) {
        continue;
      }
      ProvName targetName = prov.name(target.get());
      ItemKind kind = target.get().kind();
      if (kind == ItemKind.INTERVENTION || kind == ItemKind.USE) {
        prov.add(
            choice,
            new ProvStatement.Association(
                prov.relation(), targetName, Optional.empty(), Optional.of(id), List.of()));
      } else {
        prov.add(choice, new ProvStatement.Influence(prov.relation(), targetName, id, List.of()));
      }
    }
  }

  @Override
  public LineageRole lineageRole() {
    return LineageRole.FACET_ENTRY;
  }

  @Override
  public LineageFacet lineageFacet() {
    return new LineageFacet("fabrique_choices", "ChoicesFacet", "choices");
  }

  @Override
  protected List<ElementId> attachedTo(Choice choice, LineageContext context) {
    return choice.about().stream()
        .filter(a -> context.exported(a).map(e -> e.kind() != ItemKind.USE).orElse(false))
        .toList();
  }

  @Override
  protected Map<String, Object> entry(Choice choice, LineageContext context) {
    List<Map<String, Object>> options = new ArrayList<>();
    for (int i = 0; i < choice.options().size(); i++) {
      ChoiceOption option = choice.options().get(i);
      options.add(
          Entry.of()
              .text("label", option.label())
              .list("proposedBy", option.proposedBy().stream().map(context::labelOf).toList())
              .flag("selected", choice.selected().equals(Optional.of(i)))
              .map());
    }
    List<Map<String, Object>> constraints = new ArrayList<>();
    for (Constraint constraint : choice.constraints()) {
      Entry entry =
          Entry.of()
              .text("kind", constraint.kind().id())
              .text("term", constraint.term())
              .text("iri", constraintIri(constraint, context))
              .text("note", constraint.note());
      constraint
          .procedure()
          .flatMap(context::exported)
          .filter(Procedure.class::isInstance)
          .map(Procedure.class::cast)
          .ifPresent(p -> entry.object("procedure", ProcedureKind.summary(p, context)));
      constraints.add(entry.map());
    }
    return Entry.of()
        .text("id", id() + "-" + choice.id())
        .text("question", choice.question())
        .list("dimensions", choice.dimensions().stream().sorted().map(Dimension::id).toList())
        .list("options", options)
        .text("selectedOption", choice.selectedOption().map(ChoiceOption::label).orElse(""))
        .text("rationale", choice.rationale())
        .text("decisionMode", choice.decisionMode())
        .text("status", choice.status().id())
        .list("decidedBy", choice.decidedBy().stream().map(context::labelOf).toList())
        .text("decidedOn", choice.decidedOn().map(Object::toString).orElse(""))
        .list("constraints", constraints)
        .text("knownBy", choice.header().knownBy().id())
        .list("evidence", context.evidence(choice))
        .map();
  }

  private static String constraintIri(Constraint constraint, LineageContext context) {
    return switch (constraint.kind()) {
      case LEGAL_BASIS -> context.iri(VocabularyName.LEGAL_BASES, constraint.term());
      case CNIL_PROCEDURE -> context.iri(VocabularyName.PROCEDURES, constraint.term());
      case DUO_TERM -> context.iri(VocabularyName.DUO, constraint.term());
      default -> "";
    };
  }

  @Override
  public String formPath() {
    return "choices";
  }

  @Override
  public String addKey() {
    return "journey.add.choice";
  }

  @Override
  public FormField labelField() {
    return FormField.of("question", "journey.question", FieldType.TEXT).mandatory();
  }

  @Override
  public List<FormField> fields() {
    return List.of(
        FormField.choice(
            "dimension",
            "journey.dimensions",
            FieldType.CHOICES,
            Arrays.stream(Dimension.values()).map(Dimension::id).toList(),
            "journey.dimension."),
        FormField.refs("about", "journey.about", FieldType.REFS, ABOUT.toArray(ItemKind[]::new)),
        FormField.of("options", "journey.options", FieldType.LINES).when(FormField.When.ADD),
        FormField.of("selected", "journey.selected", FieldType.NUMBER).when(FormField.When.ADD),
        FormField.of("rationale", "journey.rationale", FieldType.LONG_TEXT),
        FormField.term(
            "decisionMode", "journey.decisionMode", FieldType.TERM, VocabularyName.DECISION_MODES),
        FormField.choice(
            "status",
            "journey.status",
            FieldType.CHOICE,
            Arrays.stream(ChoiceStatus.values()).map(ChoiceStatus::id).toList(),
            "journey.choice.status."),
        FormField.refs("decidedBy", "journey.decidedBy", FieldType.REFS, ItemKind.ACTOR),
        FormField.of("decidedOn", "journey.decidedOn", FieldType.DATE));
  }

  @Override
  public List<RowList<Choice>> rows() {
    return List.of(new ChoiceOptionRows(), new ChoiceConstraintRows());
  }

  @Override
  protected Choice read(ElementHeader header, FormInput input) {
    List<ChoiceOption> options =
        input.lines("options").stream().map(label -> new ChoiceOption(label, List.of())).toList();
    Optional<Integer> selected =
        input.number("selected").map(n -> (int) (n - 1)).filter(n -> n >= 0);
    return new Choice(
        header,
        dimensions(input),
        options,
        selected,
        input.text("rationale"),
        List.of(),
        input.text("decisionMode"),
        Forms.choice(
            input, "status", ChoiceStatus::fromId, ChoiceStatus.PROPOSED, "Unknown status"),
        input.ids("decidedBy"),
        input.date("decidedOn"),
        input.ids("about"));
  }

  @Override
  protected Choice reread(Choice choice, ElementHeader header, FormInput input) {
    return new Choice(
        header,
        Forms.keep(input, "dimension", choice.dimensions(), ChoiceKind::dimensions),
        choice.options(),
        choice.selected(),
        Forms.keepText(input, "rationale", choice.rationale()),
        choice.constraints(),
        Forms.keepText(input, "decisionMode", choice.decisionMode()),
        Forms.keep(
            input,
            "status",
            choice.status(),
            in ->
                Forms.choice(
                    in, "status", ChoiceStatus::fromId, choice.status(), "Unknown status")),
        Forms.keep(input, "decidedBy", choice.decidedBy(), in -> in.ids("decidedBy")),
        Forms.keep(input, "decidedOn", choice.decidedOn(), in -> in.date("decidedOn")),
        Forms.keep(input, "about", choice.about(), in -> in.ids("about")));
  }

  private static Set<Dimension> dimensions(FormInput input) {
    Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
    for (String value : input.values("dimension")) {
      dimensions.add(
          Dimension.fromId(value)
              .orElseThrow(() -> new InvalidInputException("Unknown dimension " + value)));
    }
    return dimensions;
  }

  @Override
  protected Map<String, List<String>> values(Choice choice) {
    return FormValues.of()
        .texts("dimension", choice.dimensions().stream().sorted().map(Dimension::id).toList())
        .ids("about", choice.about())
        .text("rationale", choice.rationale())
        .text("decisionMode", choice.decisionMode())
        .text("status", choice.status().id())
        .ids("decidedBy", choice.decidedBy())
        .date("decidedOn", choice.decidedOn())
        .map();
  }
}
