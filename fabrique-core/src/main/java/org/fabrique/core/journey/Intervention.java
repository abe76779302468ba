package org.fabrique.core.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.memo.ItemKind;

/**
 * A unit of data work: it used some data objects and generated others.
 *
 * @param type a term of the {@code intervention-types} vocabulary
 * @param tool the tool or script that did it (a name, a path, a commit)
 * @param fieldsAffected the names of the fields it changed
 * @param conditionChanges how it changed the use conditions of what it generated
 * @param externalName the name under which other systems know it (OpenLineage "namespace/job")
 * @param facets facets kept from other systems, by name, as JSON text; under {@link #versionKey}
 *     the version of a data object it said it used or generated (plain text)
 */
public record Intervention(
    ElementHeader header,
    String type,
    List<ElementId> inputs,
    List<ElementId> outputs,
    Optional<Instant> startedAt,
    Optional<Instant> endedAt,
    String tool,
    List<String> fieldsAffected,
    List<ConditionChange> conditionChanges,
    String externalName,
    Map<String, String> facets)
    implements JourneyElement {
  public Intervention {
    Objects.requireNonNull(header, "header");
    type = type == null ? "" : type.strip();
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    tool = tool == null ? "" : tool.strip();
    fieldsAffected = List.copyOf(fieldsAffected);
    conditionChanges = List.copyOf(conditionChanges);
    externalName = externalName == null ? "" : externalName.strip();
    facets = Map.copyOf(facets);
  }

  /** An intervention of a type from inputs to outputs, with nothing else known. */
  public static Intervention of(
      ElementHeader header, String type, List<ElementId> inputs, List<ElementId> outputs) {
    return new Intervention(
        header,
        type,
        inputs,
        outputs,
        Optional.empty(),
        Optional.empty(),
        "",
        List.of(),
        List.of(),
        "",
        Map.of());
  }

  public Intervention withHeader(ElementHeader newHeader) {
    return new Intervention(
        newHeader,
        type,
        inputs,
        outputs,
        startedAt,
        endedAt,
        tool,
        fieldsAffected,
        conditionChanges,
        externalName,
        facets);
  }

  public Intervention withFlows(List<ElementId> newInputs, List<ElementId> newOutputs) {
    return new Intervention(
        header,
        type,
        newInputs,
        newOutputs,
        startedAt,
        endedAt,
        tool,
        fieldsAffected,
        conditionChanges,
        externalName,
        facets);
  }

  public Intervention withTimes(Optional<Instant> start, Optional<Instant> end) {
    return new Intervention(
        header,
        type,
        inputs,
        outputs,
        start,
        end,
        tool,
        fieldsAffected,
        conditionChanges,
        externalName,
        facets);
  }

  public Intervention withTool(String newTool, List<String> fields) {
    return new Intervention(
        header,
        type,
        inputs,
        outputs,
        startedAt,
        endedAt,
        newTool,
        fields,
        conditionChanges,
        externalName,
        facets);
  }

  public Intervention withConditionChanges(List<ConditionChange> changes) {
    return new Intervention(
        header,
        type,
        inputs,
        outputs,
        startedAt,
        endedAt,
        tool,
        fieldsAffected,
        changes,
        externalName,
        facets);
  }

  public Intervention withExternal(String name, Map<String, String> newFacets) {
    return new Intervention(
        header,
        type,
        inputs,
        outputs,
        startedAt,
        endedAt,
        tool,
        fieldsAffected,
        conditionChanges,
        name,
        newFacets);
  }

  /**
   * The facet key under which an intervention keeps the version of an input or output it named (the
   * OpenLineage {@code version} dataset facet's {@code datasetVersion}).
   */
  public static String versionKey(Flow.Direction direction, ElementId dataObject) {
    return "@version."
        + (direction == Flow.Direction.INPUT ? "input." : "output.")
        + dataObject.value();
  }

  /** The version of an input or output the intervention named, or empty. */
  public String namedVersion(Flow.Direction direction, ElementId dataObject) {
    return facets.getOrDefault(versionKey(direction, dataObject), "");
  }

  @Override
  public ItemKind kind() {
    return ItemKind.INTERVENTION;
  }

  @Override
  public List<ElementId> references() {
    List<ElementId> refs = new ArrayList<>(inputs);
    refs.addAll(outputs);
    conditionChanges.forEach(c -> c.choice().ifPresent(refs::add));
    return refs;
  }
}
