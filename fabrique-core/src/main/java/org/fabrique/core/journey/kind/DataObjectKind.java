package org.fabrique.core.journey.kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.ElementOperations;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.UseCondition;
import org.fabrique.core.journey.prov.ProvAttributes;
import org.fabrique.core.journey.prov.ProvContext;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Data objects: PROV entities (a dataset version a specialisation of its dataset), OpenLineage
 * datasets with the {@code fabrique_governance} facet.
 */
final class DataObjectKind extends ElementKind<DataObject> {
  static final FormField TYPE =
      FormField.choice(
              "type",
              "journey.dataObject.type",
              FieldType.CHOICE,
              Arrays.stream(DataObjectType.values()).map(DataObjectType::id).toList(),
              "journey.dataObject.type.")
          .defaultValue(DataObjectType.DATASET.id());

  DataObjectKind() {
    super(
        ItemKind.DATA_OBJECT,
        DataObject.class,
        new KindOperations<>(
            "journey.data-object",
            ElementOperations.CreateDataObject.class,
            ElementOperations.CreateDataObject::new,
            ElementOperations.UpdateDataObject.class,
            ElementOperations.UpdateDataObject::new,
            ElementOperations.DeleteDataObject.class,
            ElementOperations.DeleteDataObject::new));
  }

  @Override
  public boolean takesParticipants() {
    return false;
  }

  @Override
  protected void rules(DataObject object, ElementRules rules) {
    rules.term(VocabularyName.IDENTIFIABILITY, object.identifiability());
    rules.term(VocabularyName.HEALTH_CATEGORIES, object.healthCategory());
    object.useConditions().forEach(c -> rules.term(VocabularyName.DUO, c.term()));
    object.partOf().ifPresent(id -> rules.ref(id, ItemKind.DATA_OBJECT));
    if (object.partOf().equals(Optional.of(object.id()))) {
      rules.problem("A data object cannot be part of itself");
    }
  }

  @Override
  protected GraphFacts facts(DataObject object) {
    GraphFacts.Builder facts = GraphFacts.of(object.type().id(), object.identifiability());
    object
        .partOf()
        .ifPresent(
            whole ->
                facts.edge(
                    object.id(),
                    whole,
                    object.type() == DataObjectType.DATASET_VERSION ? "version-of" : "part-of"));
    return facts.build();
  }

  @Override
  protected QueryFacts query(DataObject object) {
    return QueryFacts.of(object.header().description());
  }

  @Override
  protected void mapProv(DataObject object, ProvContext prov) {
    ProvName id = prov.name(object);
    ProvAttributes attributes =
        headerAttributes(object).fabType("DataObject").fabType(camel(object.type().id()));
    attributes
        .text("identifiability", object.identifiability())
        .text("healthCategory", object.healthCategory())
        .text("population", object.population());
    object.codingSystems().forEach(c -> attributes.text("codingSystem", c));
    object.useConditions().forEach(c -> attributes.text("useCondition", c.term()));
    object.fields().forEach(f -> attributes.text("field", f.name()));
    attributes.text("externalName", object.externalName());
    Optional<ProvName> whole = object.partOf().flatMap(prov::ref);
    if (object.type() != DataObjectType.DATASET_VERSION) {
      whole.ifPresent(w -> attributes.ref("partOf", w));
    }
    prov.add(object, new ProvStatement.Entity(id, attributes.list()));
    if (object.type() == DataObjectType.DATASET_VERSION) {
      whole.ifPresent(w -> prov.add(object, new ProvStatement.Specialization(id, w)));
    }
  }

  /** {@code dataset-version} becomes {@code DatasetVersion}. */
  static String camel(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  @Override
  public LineageRole lineageRole() {
    return LineageRole.DATASET;
  }

  @Override
  public LineageFacet lineageFacet() {
    return new LineageFacet("fabrique_governance", "GovernanceDatasetFacet", "");
  }

  @Override
  protected List<ElementId> attachedTo(DataObject element, LineageContext context) {
    return List.of(element.id());
  }

  @Override
  protected Map<String, Object> entry(DataObject object, LineageContext context) {
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (UseCondition condition : object.useConditions()) {
      conditions.add(
          Entry.of()
              .text("term", condition.term())
              .text("iri", context.iri(VocabularyName.DUO, condition.term()))
              .text("note", condition.note())
              .map());
    }
    Entry entry =
        Entry.of()
            .text("identifiability", object.identifiability())
            .text(
                "identifiabilityIri",
                context.iri(VocabularyName.IDENTIFIABILITY, object.identifiability()))
            .text("healthCategory", object.healthCategory())
            .text("population", object.population())
            .list("codingSystems", object.codingSystems())
            .list("useConditions", conditions)
            .list("evidence", context.evidence(object));
    if (entry.map().isEmpty() && object.header().knownBy() == KnownBy.OBSERVED) {
      return Map.of();
    }
    Entry full =
        Entry.of()
            .text("id", id() + "-" + object.id())
            .text("type", object.type().id())
            .text("knownBy", object.header().knownBy().id());
    full.map().putAll(entry.map());
    return full.map();
  }

  @Override
  public String formPath() {
    return "data-objects";
  }

  @Override
  public String addKey() {
    return "journey.add.dataObject";
  }

  @Override
  public List<FormField> fields() {
    return List.of(
        TYPE,
        FormField.term(
            "identifiability",
            "journey.identifiability",
            FieldType.TERM,
            VocabularyName.IDENTIFIABILITY),
        FormField.term(
            "healthCategory",
            "journey.healthCategory",
            FieldType.TERM,
            VocabularyName.HEALTH_CATEGORIES),
        FormField.of("population", "journey.population", FieldType.TEXT),
        FormField.of("codingSystems", "journey.codingSystems", FieldType.LINES),
        FormField.term(
            "useConditions", "journey.useConditions", FieldType.TERMS, VocabularyName.DUO),
        FormField.refs("partOf", "journey.partOf", FieldType.REF, ItemKind.DATA_OBJECT),
        FormField.of("schemaFields", "journey.fields", FieldType.LINES).when(FormField.When.SHOWN),
        FormField.of("externalName", "journey.externalName", FieldType.TEXT)
            .when(FormField.When.SHOWN));
  }

  @Override
  protected DataObject read(ElementHeader header, FormInput input) {
    DataObjectType type =
        Forms.choice(input, "type", DataObjectType::fromId, null, "Choose a type of data object");
    return new DataObject(
        header,
        type,
        input.text("identifiability"),
        input.text("healthCategory"),
        input.lines("codingSystems"),
        input.text("population"),
        List.of(),
        Forms.conditions(input, "useConditions", List.of()),
        input.id("partOf"),
        "",
        Map.of());
  }

  @Override
  protected DataObject reread(DataObject object, ElementHeader header, FormInput input) {
    return new DataObject(
        header,
        Forms.keep(
            input,
            "type",
            object.type(),
            in ->
                Forms.choice(
                    in, "type", DataObjectType::fromId, null, "Choose a type of data object")),
        Forms.keepText(input, "identifiability", object.identifiability()),
        Forms.keepText(input, "healthCategory", object.healthCategory()),
        Forms.keep(input, "codingSystems", object.codingSystems(), in -> in.lines("codingSystems")),
        Forms.keepText(input, "population", object.population()),
        object.fields(),
        Forms.keep(
            input,
            "useConditions",
            object.useConditions(),
            in -> Forms.conditions(in, "useConditions", object.useConditions())),
        Forms.keep(input, "partOf", object.partOf(), in -> in.id("partOf")),
        object.externalName(),
        object.facets());
  }

  @Override
  protected Map<String, List<String>> values(DataObject object) {
    return FormValues.of()
        .text("type", object.type().id())
        .text("identifiability", object.identifiability())
        .text("healthCategory", object.healthCategory())
        .text("population", object.population())
        .lines("codingSystems", object.codingSystems())
        .texts("useConditions", object.useConditions().stream().map(UseCondition::term).toList())
        .id("partOf", object.partOf())
        .lines(
            "schemaFields",
            object.fields().stream()
                .map(f -> f.type().isEmpty() ? f.name() : f.name() + " (" + f.type() + ")")
                .toList())
        .text("externalName", object.externalName())
        .map();
  }
}
