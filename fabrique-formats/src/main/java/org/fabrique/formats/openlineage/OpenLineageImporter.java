package org.fabrique.formats.openlineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Field;
import org.fabrique.core.journey.Flow;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyBatch;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.user.UserId;

/**
 * Turns OpenLineage events into observed interventions and data objects, in one action of the
 * history. Datasets are known by "namespace/name", runs by "namespace/job#runId" (a job event
 * without a run by "namespace/job"); the namespace and name as received are kept apart ({@value
 * #NAME}) since either may hold slashes. Every facet is kept as JSON, the schema facet also as
 * fields. A later event of the same run completes the same intervention. What makes each event (its
 * type and time as received, its producer and schema, the datasets it lists) is kept in order
 * ({@value #EVENTS}) so that {@link OpenLineageExporter} writes the same events back.
 */
public final class OpenLineageImporter {
  /** The facet key of the events received about a run, job or dataset (a JSON array). */
  static final String EVENTS = "@events";

  /** The facet key of the namespace and name received ({@code {"namespace":…,"name":…}}). */
  static final String NAME = "@name";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

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
        Intervention job = job(event.get("job"), event, "");
        received(job, record(event, true));
      } else if (event.has("dataset")) {
        DataObject dataset = dataset(event.get("dataset"));
        Map<String, String> facets = new LinkedHashMap<>(dataset.facets());
        if (appended(facets, record(event, false))) {
          batch.update(dataset.withExternal(dataset.externalName(), facets));
        }
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
      appended(facets, record(event, true));
      Intervention done = timed.withExternal(timed.externalName(), facets);
      if (!done.equals(intervention)) {
        batch.update(done);
      }
    }

    private void received(Intervention intervention, ObjectNode record) {
      Map<String, String> facets = new LinkedHashMap<>(intervention.facets());
      if (appended(facets, record)) {
        batch.update(intervention.withExternal(intervention.externalName(), facets));
      }
    }

    /** What makes an event besides what the elements hold: type, time, producer, datasets. */
    private static ObjectNode record(JsonNode event, boolean withDatasets) {
      ObjectNode record = JSON.objectNode();
      for (String key : List.of("eventType", "eventTime", "producer", "schemaURL")) {
        if (event.has(key)) {
          record.set(key, event.get(key));
        }
      }
      Set<String> known =
          Set.of(
              "eventType",
              "eventTime",
              "producer",
              "schemaURL",
              "run",
              "job",
              "inputs",
              "outputs",
              withDatasets ? "" : "dataset");
      for (Map.Entry<String, JsonNode> property : event.properties()) {
        if (!known.contains(property.getKey())) {
          ObjectNode extra =
              record.has("extra") ? (ObjectNode) record.get("extra") : record.putObject("extra");
          extra.set(property.getKey(), property.getValue());
        }
      }
      if (withDatasets) {
        for (String list : List.of("inputs", "outputs")) {
          if (event.has(list)) {
            ArrayNode names = record.putArray(list);
            for (JsonNode dataset : event.get(list)) {
              names.add(name(dataset));
            }
          }
        }
      }
      return record;
    }

    /** Adds a record to the events kept in facets, unless it is there already. */
    private static boolean appended(Map<String, String> facets, ObjectNode record) {
      ArrayNode events = JSON.arrayNode();
      String kept = facets.get(EVENTS);
      if (kept != null) {
        try {
          if (MAPPER.readTree(kept) instanceof ArrayNode array) {
            events = array;
          }
        } catch (JsonProcessingException e) {
          // not written by this importer: start afresh
        }
      }
      for (JsonNode known : events) {
        if (known.equals(record)) {
          return false;
        }
      }
      events.add(record);
      facets.put(EVENTS, events.toString());
      return true;
    }

    private static ObjectNode name(JsonNode node) {
      ObjectNode name = JSON.objectNode();
      name.put("namespace", node.path("namespace").asText());
      name.put("name", node.path("name").asText());
      return name;
    }

    private Intervention job(JsonNode job, JsonNode event, String suffix) {
      String name = job.path("namespace").asText() + "/" + job.path("name").asText() + suffix;
      Map<String, String> facets = new LinkedHashMap<>();
      List<ElementId> inputs = new ArrayList<>();
      for (JsonNode input : event.path("inputs")) {
        ElementId id = dataset(input).id();
        inputs.add(id);
        version(input, Flow.Direction.INPUT, id, facets);
      }
      List<ElementId> outputs = new ArrayList<>();
      for (JsonNode output : event.path("outputs")) {
        ElementId id = dataset(output).id();
        outputs.add(id);
        version(output, Flow.Direction.OUTPUT, id, facets);
      }
      facets(job.path("facets"), "job.", facets);
      facets.put(NAME, name(job).toString());
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

    /** The version a run said it used or generated (the {@code version} dataset facet). */
    private static void version(
        JsonNode dataset, Flow.Direction direction, ElementId id, Map<String, String> facets) {
      JsonNode version = dataset.path("facets").path("version").path("datasetVersion");
      if (version.isTextual() && !version.asText().isBlank()) {
        facets.put(Intervention.versionKey(direction, id), version.asText());
      }
    }

    private DataObject dataset(JsonNode dataset) {
      String name = dataset.path("namespace").asText() + "/" + dataset.path("name").asText();
      Map<String, String> facets = new LinkedHashMap<>();
      facets(dataset.path("facets"), "", facets);
      facets(dataset.path("inputFacets"), "input.", facets);
      facets(dataset.path("outputFacets"), "output.", facets);
      facets.put(NAME, name(dataset).toString());
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
