package org.fabrique.core.journey.kind;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.ElementOperations;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Use;
import org.fabrique.core.journey.prov.ProvAttributes;
import org.fabrique.core.journey.prov.ProvContext;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Procedures (regulatory acts): PROV entities attributed to their issuer; entries of the {@code
 * fabrique_procedures} facet where the choices and uses that invoke them apply.
 */
final class ProcedureKind extends ElementKind<Procedure> {

  ProcedureKind() {
    super(
        ItemKind.PROCEDURE,
        Procedure.class,
        new KindOperations<>(
            "journey.procedure",
            ElementOperations.CreateProcedure.class,
            ElementOperations.CreateProcedure::new,
            ElementOperations.UpdateProcedure.class,
            ElementOperations.UpdateProcedure::new,
            ElementOperations.DeleteProcedure.class,
            ElementOperations.DeleteProcedure::new));
  }

  @Override
  public boolean takesParticipants() {
    return false;
  }

  @Override
  protected void rules(Procedure procedure, ElementRules rules) {
    if (procedure.type().isEmpty()) {
      rules.problem("Choose a type of regulatory act");
    }
    rules.term(VocabularyName.PROCEDURES, procedure.type());
    procedure.issuedBy().ifPresent(id -> rules.ref(id, ItemKind.ACTOR));
  }

  @Override
  protected GraphFacts facts(Procedure procedure) {
    return GraphFacts.of(procedure.type(), procedure.outcome())
        .actors(procedure.issuedBy().stream().toList())
        .time(procedure.date().map(d -> d.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)))
        .build();
  }

  @Override
  protected QueryFacts query(Procedure procedure) {
    String text =
        procedure.outcome().isEmpty()
            ? procedure.header().description()
            : procedure.outcome()
                + (procedure.header().description().isEmpty()
                    ? ""
                    : " — " + procedure.header().description());
    return QueryFacts.of(text)
        .withActors(
            QueryFacts.NamedActor.all(procedure.issuedBy().stream().toList(), QueryFacts.ISSUED));
  }

  @Override
  protected void mapProv(Procedure procedure, ProvContext prov) {
    ProvName id = prov.name(procedure);
    ProvAttributes attributes =
        headerAttributes(procedure)
            .fabType("Procedure")
            .text("procedureType", procedure.type())
            .text("reference", procedure.reference())
            .text("outcome", procedure.outcome());
    procedure.date().ifPresent(d -> attributes.date("date", d));
    prov.add(procedure, new ProvStatement.Entity(id, attributes.list()));
    procedure
        .issuedBy()
        .flatMap(prov::ref)
        .ifPresent(
            agent ->
                prov.add(
                    procedure,
                    new ProvStatement.Attribution(
                        prov.relation(),
                        id,
                        agent,
                        ProvAttributes.of().ref("role", ProvName.fab("issuer")).list())));
  }

  @Override
  public LineageRole lineageRole() {
    return LineageRole.FACET_ENTRY;
  }

  @Override
  public LineageFacet lineageFacet() {
    return new LineageFacet("fabrique_procedures", "ProceduresFacet", "procedures");
  }

  /** Where the choices invoking it apply, and the data the uses it allowed used. */
  @Override
  protected List<ElementId> attachedTo(Procedure procedure, LineageContext context) {
    Set<ElementId> targets = new LinkedHashSet<>();
    for (JourneyElement user : context.referencing(procedure.id())) {
      if (user instanceof Choice choice) {
        choice.about().stream()
            .filter(a -> context.exported(a).map(e -> e.kind() != ItemKind.USE).orElse(false))
            .forEach(targets::add);
      } else if (user instanceof Use use) {
        targets.addAll(use.dataUsed());
      }
    }
    return List.copyOf(targets);
  }

  @Override
  protected Map<String, Object> entry(Procedure procedure, LineageContext context) {
    Map<String, Object> entry = summary(procedure, context);
    entry.put("knownBy", procedure.header().knownBy().id());
    List<Map<String, Object>> evidence = context.evidence(procedure);
    if (!evidence.isEmpty()) {
      entry.put("evidence", evidence);
    }
    return entry;
  }

  /** What choices and uses say of the procedure they invoke. */
  static Map<String, Object> summary(Procedure procedure, LineageContext context) {
    return Entry.of()
        .text("id", "procedure-" + procedure.id())
        .text("label", procedure.label())
        .text("type", procedure.type())
        .text("iri", context.iri(VocabularyName.PROCEDURES, procedure.type()))
        .text("reference", procedure.reference())
        .text("date", procedure.date().map(Object::toString).orElse(""))
        .text("outcome", procedure.outcome())
        .text("issuedBy", procedure.issuedBy().map(context::labelOf).orElse(""))
        .map();
  }

  @Override
  public String formPath() {
    return "procedures";
  }

  @Override
  public String addKey() {
    return "journey.add.procedure";
  }

  @Override
  public List<FormField> fields() {
    return List.of(
        FormField.term("type", "journey.procedure.type", FieldType.TERM, VocabularyName.PROCEDURES)
            .mandatory(),
        FormField.of("date", "journey.procedure.date", FieldType.DATE),
        FormField.of("reference", "journey.procedure.reference", FieldType.TEXT),
        FormField.refs("issuedBy", "journey.procedure.issuedBy", FieldType.REF, ItemKind.ACTOR),
        FormField.of("outcome", "journey.procedure.outcome", FieldType.TEXT));
  }

  @Override
  protected Procedure read(ElementHeader header, FormInput input) {
    return new Procedure(
        header,
        input.text("type"),
        input.text("reference"),
        input.date("date"),
        input.id("issuedBy"),
        input.text("outcome"));
  }

  @Override
  protected Procedure reread(Procedure procedure, ElementHeader header, FormInput input) {
    return new Procedure(
        header,
        Forms.keepText(input, "type", procedure.type()),
        Forms.keepText(input, "reference", procedure.reference()),
        Forms.keep(input, "date", procedure.date(), in -> in.date("date")),
        Forms.keep(input, "issuedBy", procedure.issuedBy(), in -> in.id("issuedBy")),
        Forms.keepText(input, "outcome", procedure.outcome()));
  }

  @Override
  protected Map<String, List<String>> values(Procedure procedure) {
    return FormValues.of()
        .text("type", procedure.type())
        .date("date", procedure.date())
        .text("reference", procedure.reference())
        .id("issuedBy", procedure.issuedBy())
        .text("outcome", procedure.outcome())
        .map();
  }
}
