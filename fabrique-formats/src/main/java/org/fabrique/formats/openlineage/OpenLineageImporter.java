package org.fabrique.formats.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Field;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyBatch;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.user.UserId;

/**
 * Turns OpenLineage events into observed interventions and data objects, in one action of the
 * history. Datasets are known by "namespace/name", runs by "namespace/job#runId" (a job event
 * without a run by "namespace/job"). Every facet is kept as JSON, the schema facet also as fields.
 * A later event of the same run completes the same intervention.
 */
public final class OpenLineageImporter {
  private final JourneyService journeys;

  public OpenLineageImporter(JourneyService journeys) {
    this.journeys = journeys;
  }

  /** What an import did. */
  public record Result(int events, int interventions, int dataObjects) {}

  /** Imports events already read and validated by {@link OpenLineageEvents#read}. */
  public Result importEvents(
      InquiryId inquiry, Optional<CaseId> caseId, UserId user, List<JsonNode> events) {
    return journeys.batch(
        inquiry,
        user,
        "Imported " + events.size() + " OpenLineage event(s)",
        batch -> {
          Mapper mapper = new Mapper(batch, caseId.orElse(null));
          events.forEach(mapper::event);
          return new Result(events.size(), mapper.interventions.size(), mapper.objects.size());
        });
  }

  private static final class Mapper {
    private final JourneyBatch batch;
    private final CaseId caseId;
    private final java.util.Set<ElementId> interventions = new LinkedHashSet<>();
    private final java.util.Set<ElementId> objects = new LinkedHashSet<>();

    Mapper(JourneyBatch batch, CaseId caseId) {
      this.batch = batch;
      this.caseId = caseId;
    }

    void event(JsonNode event) {
      if (event.has("run") && event.has("job")) {
        run(event);
      } else if (event.has("job")) {
        job(event.get("job"), event, "");
      } else if (event.has("dataset")) {
        dataset(event.get("dataset"));
      }
    }

    private void run(JsonNode event) {
      String runId = event.get("run").path("runId").asText();
      Intervention intervention = job(event.get("job"), event, "#" + runId);
      Optional<Instant> time = instant(event.path("eventTime").asText());
      String type = event.path("eventType").asText("");
      Intervention timed =
          switch (type) {
            case "START" ->
                intervention.withTimes(
                    intervention.startedAt().or(() -> time), intervention.endedAt());
            case "COMPLETE", "FAIL", "ABORT" ->
                intervention.withTimes(
                    intervention.startedAt(), intervention.endedAt().or(() -> time));
            default -> intervention;
          };
      Map<String, String> facets = new LinkedHashMap<>(timed.facets());
      facets(event.get("run").path("facets"), "run.", facets);
      if (!type.isEmpty()) {
        facets.put("run.eventType", "\"" + type + "\"");
      }
      Intervention done = timed.withExternal(timed.externalName(), facets);
      if (!done.equals(intervention)) {
        batch.update(done);
      }
    }

    private Intervention job(JsonNode job, JsonNode event, String suffix) {
      String name = job.path("namespace").asText() + "/" + job.path("name").asText() + suffix;
      List<ElementId> inputs = new ArrayList<>();
      for (JsonNode input : event.path("inputs")) {
        inputs.add(dataset(input).id());
      }
      List<ElementId> outputs = new ArrayList<>();
      for (JsonNode output : event.path("outputs")) {
        outputs.add(dataset(output).id());
      }
      Map<String, String> facets = new LinkedHashMap<>();
      facets(job.path("facets"), "job.", facets);
      Optional<Intervention> known =
          batch.findByExternalName(ItemKind.INTERVENTION, name).map(Intervention.class::cast);
      Intervention result;
      if (known.isPresent()) {
        Intervention before = known.get();
        List<ElementId> allInputs = union(before.inputs(), inputs);
        List<ElementId> allOutputs = union(before.outputs(), outputs);
        Map<String, String> allFacets = new LinkedHashMap<>(before.facets());
        allFacets.putAll(facets);
        result = before.withFlows(allInputs, allOutputs).withExternal(name, allFacets);
        if (!result.equals(before)) {
          batch.update(result);
        }
      } else {
        ElementHeader header =
            ElementHeader.of(batch.newId(), batch.inquiry(), caseId, job.path("name").asText());
        result =
            batch.create(Intervention.of(header, "", inputs, outputs).withExternal(name, facets));
      }
      interventions.add(result.id());
      return result;
    }

    private DataObject dataset(JsonNode dataset) {
      String name = dataset.path("namespace").asText() + "/" + dataset.path("name").asText();
      Map<String, String> facets = new LinkedHashMap<>();
      facets(dataset.path("facets"), "", facets);
      facets(dataset.path("inputFacets"), "input.", facets);
      facets(dataset.path("outputFacets"), "output.", facets);
      List<Field> fields = new ArrayList<>();
      for (JsonNode field : dataset.path("facets").path("schema").path("fields")) {
        fields.add(
            new Field(
                field.path("name").asText(),
                field.path("type").asText(""),
                field.path("description").asText("")));
      }
      Optional<DataObject> known =
          batch.findByExternalName(ItemKind.DATA_OBJECT, name).map(DataObject.class::cast);
      DataObject result;
      if (known.isPresent()) {
        DataObject before = known.get();
        Map<String, String> allFacets = new LinkedHashMap<>(before.facets());
        allFacets.putAll(facets);
        result =
            before
                .withFields(fields.isEmpty() ? before.fields() : fields)
                .withExternal(name, allFacets);
        if (!result.equals(before)) {
          batch.update(result);
        }
      } else {
        ElementHeader header =
            ElementHeader.of(batch.newId(), batch.inquiry(), caseId, dataset.path("name").asText());
        result =
            batch.create(
                DataObject.of(header, DataObjectType.DATASET)
                    .withFields(fields)
                    .withExternal(name, facets));
      }
      objects.add(result.id());
      return result;
    }

    private static void facets(JsonNode node, String prefix, Map<String, String> into) {
      for (Map.Entry<String, JsonNode> facet : node.properties()) {
        into.put(prefix + facet.getKey(), facet.getValue().toString());
      }
    }

    private static List<ElementId> union(List<ElementId> a, List<ElementId> b) {
      LinkedHashSet<ElementId> all = new LinkedHashSet<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }

    private static Optional<Instant> instant(String text) {
      try {
        return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }
}
