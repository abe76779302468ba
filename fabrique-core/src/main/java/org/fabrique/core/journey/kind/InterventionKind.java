package org.fabrique.core.journey.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.journey.ConditionChange;
import org.fabrique.core.journey.DatasetVersions;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.ElementOperations;
import org.fabrique.core.journey.Flow;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.prov.ProvAttributes;
import org.fabrique.core.journey.prov.ProvContext;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Interventions: PROV activities that used their inputs and generated their outputs (each output
 * derived from each input), OpenLineage jobs and runs with the {@code fabrique_intervention} facet.
 */
final class InterventionKind extends ElementKind<Intervention> {

  InterventionKind() {
    super(
        ItemKind.INTERVENTION,
        Intervention.class,
        new KindOperations<>(
            "journey.intervention",
            ElementOperations.CreateIntervention.class,
            ElementOperations.CreateIntervention::new,
            ElementOperations.UpdateIntervention.class,
            ElementOperations.UpdateIntervention::new,
            ElementOperations.DeleteIntervention.class,
            ElementOperations.DeleteIntervention::new));
  }

  @Override
  protected List<Flow> flowsOf(Intervention intervention) {
    List<Flow> flows = new ArrayList<>();
    Optional<java.time.Instant> started = intervention.startedAt().or(intervention::endedAt);
    Optional<java.time.Instant> ended = intervention.endedAt().or(intervention::startedAt);
    for (ElementId input : intervention.inputs()) {
      flows.add(
          new Flow(
              intervention.id(),
              input,
              Flow.Direction.INPUT,
              started,
              intervention.namedVersion(Flow.Direction.INPUT, input)));
    }
    for (ElementId output : intervention.outputs()) {
      flows.add(
          new Flow(
              intervention.id(),
              output,
              Flow.Direction.OUTPUT,
              ended,
              intervention.namedVersion(Flow.Direction.OUTPUT, output)));
    }
    return flows;
  }

  @Override
  public boolean carriesFlows() {
    return true;
  }

  @Override
  public boolean takesParticipants() {
    return true;
  }

  @Override
  protected void rules(Intervention intervention, ElementRules rules) {
    rules.term(VocabularyName.INTERVENTION_TYPES, intervention.type());
    intervention.inputs().forEach(id -> rules.ref(id, ItemKind.DATA_OBJECT));
    intervention.outputs().forEach(id -> rules.ref(id, ItemKind.DATA_OBJECT));
    for (ConditionChange change : intervention.conditionChanges()) {
      rules.term(VocabularyName.DUO, change.condition().term());
      change.choice().ifPresent(id -> rules.ref(id, ItemKind.CHOICE));
    }
    if (intervention.startedAt().isPresent()
        && intervention.endedAt().isPresent()
        && intervention.endedAt().get().isBefore(intervention.startedAt().get())) {
      rules.problem("An intervention cannot end before it starts");
    }
  }

  @Override
  protected GraphFacts facts(Intervention intervention) {
    GraphFacts.Builder facts = GraphFacts.of(intervention.type(), "");
    intervention.inputs().forEach(i -> facts.edge(i, intervention.id(), "input"));
    intervention.outputs().forEach(o -> facts.edge(intervention.id(), o, "output"));
    return facts.time(intervention.startedAt().or(intervention::endedAt)).build();
  }

  @Override
  protected QueryFacts query(Intervention intervention) {
    return QueryFacts.of(intervention.header().description());
  }

  @Override
  protected void mapProv(Intervention intervention, ProvContext prov) {
    ProvName id = prov.name(intervention);
    ProvAttributes attributes =
        headerAttributes(intervention)
            .fabType("Intervention")
            .text("interventionType", intervention.type())
            .text("tool", intervention.tool());
    intervention.fieldsAffected().forEach(f -> attributes.text("fieldAffected", f));
    for (ConditionChange change : intervention.conditionChanges()) {
      attributes.text(
          change.effect() == ConditionChange.Effect.ADD ? "addsCondition" : "liftsCondition",
          change.condition().term());
    }
    attributes.text("externalName", intervention.externalName());
    prov.add(
        intervention,
        new ProvStatement.Activity(
            id, intervention.startedAt(), intervention.endedAt(), attributes.list()));
    DatasetVersions versions = prov.versions();
    List<ProvName> used = new ArrayList<>();
    for (ElementId input : intervention.inputs()) {
      Optional<ProvName> entity = prov.ref(input);
      if (entity.isPresent()) {
        ProvName version =
            versionName(entity.get(), versions, versions.used(intervention.id(), input));
        used.add(version);
        prov.add(
            intervention,
            new ProvStatement.Usage(
                prov.relation(), id, version, intervention.startedAt(), List.of()));
      }
    }
    for (ElementId output : intervention.outputs()) {
      Optional<ProvName> entity = prov.ref(output);
      if (entity.isEmpty()) {
        continue;
      }
      Optional<DatasetVersions.Version> generated = versions.generated(intervention.id(), output);
      ProvName version = versionName(entity.get(), versions, generated);
      if (!version.equals(entity.get())) {
        DatasetVersions.Version made = generated.orElseThrow();
        String label = prov.exported(output).map(JourneyElement::label).orElse("");
        ProvAttributes versionAttributes =
            ProvAttributes.of()
                .label(label.isEmpty() ? made.label() : label + " (" + made.label() + ")")
                .fabType("DatasetVersion")
                .text("version", made.label());
        prov.add(intervention, new ProvStatement.Entity(version, versionAttributes.list()));
        prov.add(intervention, new ProvStatement.Specialization(version, entity.get()));
      }
      prov.add(
          intervention,
          new ProvStatement.Generation(
              prov.relation(),
              version,
              id,
              intervention.endedAt().or(intervention::startedAt),
              List.of()));
      for (ProvName input : used) {
        prov.add(
            intervention,
            new ProvStatement.Derivation(
                prov.relation(), version, input, Optional.of(id), List.of()));
      }
    }
  }

  /**
   * The PROV entity of a version of a data object: the data object itself when it has one version
   * only or the version is its initial one, else an entity of its own ({@code
   * <data-object>-v<generator>}), a specialisation of the data object generated by one activity.
   */
  static ProvName versionName(
      ProvName dataObject, DatasetVersions versions, Optional<DatasetVersions.Version> version) {
    if (version.isEmpty()
        || version.get().initial()
        || !versions.versioned(version.get().dataObject())) {
      return dataObject;
    }
    return new ProvName(
        dataObject.prefix(),
        dataObject.local() + "-v" + version.get().generatedBy().orElseThrow().value());
  }

  @Override
  public LineageRole lineageRole() {
    return LineageRole.RUN;
  }

  @Override
  public LineageFacet lineageFacet() {
    return new LineageFacet("fabrique_intervention", "InterventionJobFacet", "");
  }

  @Override
  protected List<ElementId> attachedTo(Intervention element, LineageContext context) {
    return List.of(element.id());
  }

  @Override
  protected Map<String, Object> entry(Intervention intervention, LineageContext context) {
    List<Map<String, Object>> changes = new ArrayList<>();
    for (ConditionChange change : intervention.conditionChanges()) {
      Entry entry =
          Entry.of()
              .text("effect", change.effect().name().toLowerCase(java.util.Locale.ROOT))
              .text("term", change.condition().term())
              .text("iri", context.iri(VocabularyName.DUO, change.condition().term()));
      change.choice().ifPresent(c -> entry.text("choice", "choice-" + c));
      changes.add(entry.map());
    }
    Entry entry =
        Entry.of()
            .text("type", intervention.type())
            .text("tool", intervention.tool())
            .list("fieldsAffected", intervention.fieldsAffected())
            .list("conditionChanges", changes)
            .list("evidence", context.evidence(intervention));
    if (entry.map().isEmpty() && intervention.header().knownBy() == KnownBy.OBSERVED) {
      return Map.of();
    }
    Entry full =
        Entry.of()
            .text("id", id() + "-" + intervention.id())
            .text("knownBy", intervention.header().knownBy().id());
    full.map().putAll(entry.map());
    return full.map();
  }

  @Override
  public String formPath() {
    return "interventions";
  }

  @Override
  public String addKey() {
    return "journey.add.intervention";
  }

  @Override
  public List<FormField> fields() {
    return List.of(
        FormField.term(
            "type", "journey.intervention.type", FieldType.TERM, VocabularyName.INTERVENTION_TYPES),
        FormField.refs("inputs", "journey.inputs", FieldType.REFS, ItemKind.DATA_OBJECT),
        FormField.refs("outputs", "journey.outputs", FieldType.REFS, ItemKind.DATA_OBJECT),
        FormField.of("startedAt", "journey.startedAt", FieldType.DATE_TIME),
        FormField.of("endedAt", "journey.endedAt", FieldType.DATE_TIME),
        FormField.of("tool", "journey.tool", FieldType.TEXT),
        FormField.of("fieldsAffected", "journey.fieldsAffected", FieldType.LINES),
        FormField.of("externalName", "journey.externalName", FieldType.TEXT)
            .when(FormField.When.SHOWN));
  }

  @Override
  protected Intervention read(ElementHeader header, FormInput input) {
    return Intervention.of(header, input.text("type"), input.ids("inputs"), input.ids("outputs"))
        .withTimes(input.instant("startedAt"), input.instant("endedAt"))
        .withTool(input.text("tool"), input.lines("fieldsAffected"));
  }

  @Override
  protected Intervention reread(Intervention before, ElementHeader header, FormInput input) {
    return new Intervention(
        header,
        Forms.keepText(input, "type", before.type()),
        Forms.keep(input, "inputs", before.inputs(), in -> in.ids("inputs")),
        Forms.keep(input, "outputs", before.outputs(), in -> in.ids("outputs")),
        Forms.keep(input, "startedAt", before.startedAt(), in -> in.instant("startedAt")),
        Forms.keep(input, "endedAt", before.endedAt(), in -> in.instant("endedAt")),
        Forms.keepText(input, "tool", before.tool()),
        Forms.keep(
            input, "fieldsAffected", before.fieldsAffected(), in -> in.lines("fieldsAffected")),
        before.conditionChanges(),
        before.externalName(),
        before.facets());
  }

  @Override
  protected Map<String, List<String>> values(Intervention intervention) {
    return FormValues.of()
        .text("type", intervention.type())
        .ids("inputs", intervention.inputs())
        .ids("outputs", intervention.outputs())
        .instant("startedAt", intervention.startedAt())
        .instant("endedAt", intervention.endedAt())
        .text("tool", intervention.tool())
        .lines("fieldsAffected", intervention.fieldsAffected())
        .text("externalName", intervention.externalName())
        .map();
  }
}
