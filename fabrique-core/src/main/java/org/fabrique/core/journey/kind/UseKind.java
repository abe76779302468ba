package org.fabrique.core.journey.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.ElementOperations;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Use;
import org.fabrique.core.journey.UseCondition;
import org.fabrique.core.journey.prov.ProvAttributes;
import org.fabrique.core.journey.prov.ProvContext;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Uses: PROV activities that used the data, associated with their requester and influenced by the
 * procedure that allowed them; entries of the {@code fabrique_uses} facet of the data used.
 */
final class UseKind extends ElementKind<Use> {

  UseKind() {
    super(
        ItemKind.USE,
        Use.class,
        new KindOperations<>(
            "journey.use",
            ElementOperations.CreateUse.class,
            ElementOperations.CreateUse::new,
            ElementOperations.UpdateUse.class,
            ElementOperations.UpdateUse::new,
            ElementOperations.DeleteUse.class,
            ElementOperations.DeleteUse::new));
  }

  @Override
  public boolean takesParticipants() {
    return true;
  }

  @Override
  protected void rules(Use use, ElementRules rules) {
    rules.term(VocabularyName.PURPOSES, use.purposeTerm());
    use.requester().ifPresent(id -> rules.ref(id, ItemKind.ACTOR));
    use.dataUsed().forEach(id -> rules.ref(id, ItemKind.DATA_OBJECT));
    use.conditionsRequested().forEach(c -> rules.term(VocabularyName.DUO, c.term()));
    use.procedure().ifPresent(id -> rules.ref(id, ItemKind.PROCEDURE));
  }

  @Override
  protected GraphFacts facts(Use use) {
    GraphFacts.Builder facts = GraphFacts.of(use.purposeTerm(), "");
    use.dataUsed().forEach(d -> facts.edge(d, use.id(), "used"));
    use.procedure().ifPresent(p -> facts.edge(p, use.id(), "allowed"));
    return facts.actors(use.requester().stream().toList()).build();
  }

  @Override
  protected QueryFacts query(Use use) {
    return QueryFacts.of(use.header().description())
        .withActors(
            QueryFacts.NamedActor.all(use.requester().stream().toList(), QueryFacts.REQUESTED));
  }

  @Override
  protected void mapProv(Use use, ProvContext prov) {
    ProvName id = prov.name(use);
    ProvAttributes attributes =
        headerAttributes(use).fabType("Use").text("purpose", use.purposeTerm());
    use.conditionsRequested().forEach(c -> attributes.text("conditionRequested", c.term()));
    prov.add(
        use, new ProvStatement.Activity(id, Optional.empty(), Optional.empty(), attributes.list()));
    for (ElementId data : use.dataUsed()) {
      prov.ref(data)
          .ifPresent(
              entity ->
                  prov.add(
                      use,
                      new ProvStatement.Usage(
                          prov.relation(), id, entity, Optional.empty(), List.of())));
    }
    use.requester()
        .flatMap(prov::ref)
        .ifPresent(
            agent ->
                prov.add(
                    use,
                    new ProvStatement.Association(
                        prov.relation(),
                        id,
                        Optional.of(agent),
                        Optional.empty(),
                        ProvAttributes.of().role(ProvName.fab("requester")).list())));
    use.procedure()
        .flatMap(prov::ref)
        .ifPresent(
            procedure ->
                prov.add(
                    use, new ProvStatement.Influence(prov.relation(), id, procedure, List.of())));
  }

  @Override
  public LineageRole lineageRole() {
    return LineageRole.FACET_ENTRY;
  }

  @Override
  public LineageFacet lineageFacet() {
    return new LineageFacet("fabrique_uses", "UsesFacet", "uses");
  }

  @Override
  protected List<ElementId> attachedTo(Use use, LineageContext context) {
    return use.dataUsed();
  }

  @Override
  protected Map<String, Object> entry(Use use, LineageContext context) {
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (UseCondition condition : use.conditionsRequested()) {
      conditions.add(
          Entry.of()
              .text("term", condition.term())
              .text("iri", context.iri(VocabularyName.DUO, condition.term()))
              .text("note", condition.note())
              .map());
    }
    Entry entry =
        Entry.of()
            .text("id", id() + "-" + use.id())
            .text("purpose", use.label())
            .text("purposeTerm", use.purposeTerm())
            .text("purposeIri", context.iri(VocabularyName.PURPOSES, use.purposeTerm()))
            .text("requester", use.requester().map(context::labelOf).orElse(""))
            .list("conditionsRequested", conditions);
    use.procedure()
        .flatMap(context::exported)
        .filter(Procedure.class::isInstance)
        .map(Procedure.class::cast)
        .ifPresent(p -> entry.object("procedure", ProcedureKind.summary(p, context)));
    return entry
        .text("knownBy", use.header().knownBy().id())
        .list("evidence", context.evidence(use))
        .map();
  }

  @Override
  public String formPath() {
    return "uses";
  }

  @Override
  public String addKey() {
    return "journey.add.use";
  }

  @Override
  public FormField labelField() {
    return FormField.of("label", "journey.purpose", FieldType.TEXT).mandatory();
  }

  @Override
  public List<FormField> fields() {
    return List.of(
        FormField.term(
            "purposeTerm", "journey.purposeTerm", FieldType.TERM, VocabularyName.PURPOSES),
        FormField.refs("requester", "journey.requester", FieldType.REF, ItemKind.ACTOR),
        FormField.refs("dataUsed", "journey.dataUsed", FieldType.REFS, ItemKind.DATA_OBJECT),
        FormField.term(
            "conditions", "journey.conditionsRequested", FieldType.TERMS, VocabularyName.DUO),
        FormField.refs("procedure", "journey.procedure", FieldType.REF, ItemKind.PROCEDURE));
  }

  @Override
  protected Use read(ElementHeader header, FormInput input) {
    return new Use(
        header,
        input.text("purposeTerm"),
        input.id("requester"),
        input.ids("dataUsed"),
        Forms.conditions(input, "conditions", List.of()),
        input.id("procedure"));
  }

  @Override
  protected Use reread(Use use, ElementHeader header, FormInput input) {
    return new Use(
        header,
        Forms.keepText(input, "purposeTerm", use.purposeTerm()),
        Forms.keep(input, "requester", use.requester(), in -> in.id("requester")),
        Forms.keep(input, "dataUsed", use.dataUsed(), in -> in.ids("dataUsed")),
        Forms.keep(
            input,
            "conditions",
            use.conditionsRequested(),
            in -> Forms.conditions(in, "conditions", use.conditionsRequested())),
        Forms.keep(input, "procedure", use.procedure(), in -> in.id("procedure")));
  }

  @Override
  protected Map<String, List<String>> values(Use use) {
    return FormValues.of()
        .text("purposeTerm", use.purposeTerm())
        .id("requester", use.requester())
        .ids("dataUsed", use.dataUsed())
        .texts("conditions", use.conditionsRequested().stream().map(UseCondition::term).toList())
        .id("procedure", use.procedure())
        .map();
  }
}
