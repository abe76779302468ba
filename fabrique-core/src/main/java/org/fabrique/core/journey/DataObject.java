package org.fabrique.core.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.memo.ItemKind;

/**
 * A source database, dataset, dataset version, field, model, result or document.
 *
 * @param identifiability a term of the {@code identifiability} vocabulary (DPV data states)
 * @param healthCategory a term of the {@code health-categories} vocabulary, or empty
 * @param partOf the object this one is a version or a field of
 * @param externalName the name under which other systems know it (OpenLineage "namespace/name")
 * @param facets facets kept from other systems, by name, as JSON text
 */
public record DataObject(
    ElementHeader header,
    DataObjectType type,
    String identifiability,
    String healthCategory,
    List<String> codingSystems,
    String population,
    List<Field> fields,
    List<UseCondition> useConditions,
    Optional<ElementId> partOf,
    String externalName,
    Map<String, String> facets)
    implements JourneyElement {
  public DataObject {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(type, "type");
    identifiability = identifiability == null ? "" : identifiability.strip();
    healthCategory = healthCategory == null ? "" : healthCategory.strip();
    codingSystems = List.copyOf(codingSystems);
    population = population == null ? "" : population.strip();
    fields = List.copyOf(fields);
    useConditions = List.copyOf(useConditions);
    Objects.requireNonNull(partOf, "partOf");
    externalName = externalName == null ? "" : externalName.strip();
    facets = Map.copyOf(facets);
  }

  /** A data object with nothing but a type and a header. */
  public static DataObject of(ElementHeader header, DataObjectType type) {
    return new DataObject(
        header, type, "", "", List.of(), "", List.of(), List.of(), Optional.empty(), "", Map.of());
  }

  public DataObject withHeader(ElementHeader newHeader) {
    return new DataObject(
        newHeader,
        type,
        identifiability,
        healthCategory,
        codingSystems,
        population,
        fields,
        useConditions,
        partOf,
        externalName,
        facets);
  }

  public DataObject withIdentifiability(String term) {
    return new DataObject(
        header,
        type,
        term,
        healthCategory,
        codingSystems,
        population,
        fields,
        useConditions,
        partOf,
        externalName,
        facets);
  }

  public DataObject withUseConditions(List<UseCondition> conditions) {
    return new DataObject(
        header,
        type,
        identifiability,
        healthCategory,
        codingSystems,
        population,
        fields,
        conditions,
        partOf,
        externalName,
        facets);
  }

  public DataObject withFields(List<Field> newFields) {
    return new DataObject(
        header,
        type,
        identifiability,
        healthCategory,
        codingSystems,
        population,
        newFields,
        useConditions,
        partOf,
        externalName,
        facets);
  }

  public DataObject withExternal(String name, Map<String, String> newFacets) {
    return new DataObject(
        header,
        type,
        identifiability,
        healthCategory,
        codingSystems,
        population,
        fields,
        useConditions,
        partOf,
        name,
        newFacets);
  }

  @Override
  public ItemKind kind() {
    return ItemKind.DATA_OBJECT;
  }

  @Override
  public List<ElementId> references() {
    List<ElementId> refs = new ArrayList<>();
    partOf.ifPresent(refs::add);
    return refs;
  }
}
