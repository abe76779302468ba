package org.fabrique.formats.openlineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DatasetVersions;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Flow;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.formats.journey.JourneySnapshot;

/**
 * One export of a journey's elements as OpenLineage events: names decided once (as received, else
 * by label in the inquiry's namespace), datasets found by the names events list.
 */
final class LineageExport {
  private static final String SPEC = OpenLineageEvents.SCHEMA_URL + "#/$defs/";
  private static final String VERSION_FACET =
      "https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json"
          + "#/$defs/DatasetVersionDatasetFacet";
  private static final String SCHEMA_FACET =
      "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * A URI namespace: scheme and authority ({@code s3://blob-source}, {@code postgres://h:5432}).
   */
  private static final Pattern URI_NAMESPACE =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/]*)/(.+)$");

  /** A namespace and a name. */
  private record Name(String namespace, String name) {}

  private final Map<ElementId, JourneyElement> byId;
  private final String namespace;
  private final LineageFacets fabrique;
  private final JourneySnapshot snapshot;
  private final Instant now;
  private final Map<ElementId, Name> names = new HashMap<>();
  private final Map<Name, DataObject> datasets = new HashMap<>();
  private final DatasetVersions versions;

  LineageExport(
      Map<ElementId, JourneyElement> byId,
      String namespace,
      LineageFacets fabrique,
      JourneySnapshot snapshot,
      Instant now) {
    this.byId = byId;
    this.namespace = namespace;
    this.fabrique = fabrique;
    this.snapshot = snapshot;
    this.now = now;
    this.versions = DatasetVersions.ofElements(snapshot.elements());
    Set<Name> taken = new HashSet<>();
    List<JourneyElement> made = new ArrayList<>();
    for (JourneyElement element : byId.values()) {
      Optional<Name> received = received(element);
      if (received.isPresent()) {
        names.put(element.id(), received.get());
        taken.add(received.get());
      } else if (element instanceof Intervention || element instanceof DataObject) {
        made.add(element);
      }
    }
    for (JourneyElement element : made) {
      String label = element.label().isEmpty() ? element.kind().id() : element.label();
      Name name = new Name(namespace, label);
      if (!taken.add(name)) {
        name = new Name(namespace, label + " (" + element.id() + ")");
        taken.add(name);
      }
      names.put(element.id(), name);
    }
    for (JourneyElement element : byId.values()) {
      if (element instanceof DataObject object) {
        datasets.putIfAbsent(names.get(object.id()), object);
      }
    }
  }

  /** The namespace and name received, kept apart or else read from the external name. */
  private static Optional<Name> received(JourneyElement element) {
    Map<String, String> facets;
    String external;
    if (element instanceof Intervention intervention) {
      facets = intervention.facets();
      external = intervention.externalName();
    } else if (element instanceof DataObject object) {
      facets = object.facets();
      external = object.externalName();
    } else {
      return Optional.empty();
    }
    JsonNode kept = json(facets.get(OpenLineageImporter.NAME));
    if (kept.path("namespace").isTextual() && kept.path("name").isTextual()) {
      return Optional.of(new Name(kept.get("namespace").asText(), kept.get("name").asText()));
    }
    String name = external;
    int hash = name.lastIndexOf('#');
    if (hash >= 0) {
      name = name.substring(0, hash);
    }
    Matcher uri = URI_NAMESPACE.matcher(name);
    if (uri.matches()) {
      return Optional.of(new Name(uri.group(1), uri.group(2)));
    }
    int slash = name.indexOf('/');
    if (slash > 0 && slash < name.length() - 1) {
      return Optional.of(new Name(name.substring(0, slash), name.substring(slash + 1)));
    }
    return Optional.empty();
  }

  List<ObjectNode> interventionEvents(Intervention intervention) {
    List<ObjectNode> records = records(intervention.facets());
    boolean run = intervention.externalName().contains("#") || records.isEmpty();
    boolean made = records.isEmpty();
    if (records.isEmpty()) {
      records = List.of(made(intervention));
      run = intervention.startedAt().isPresent() || intervention.endedAt().isPresent();
    }
    Set<ElementId> listed = new LinkedHashSet<>();
    List<ObjectNode> events = new ArrayList<>();
    for (ObjectNode record : records) {
      ObjectNode event = envelope(record, run ? "RunEvent" : "JobEvent");
      if (run) {
        ObjectNode runNode = event.putObject("run");
        runNode.put("runId", runId(intervention).toString());
        ObjectNode runFacets =
            kept(intervention.facets(), "run.", event.get("producer"), "RunFacet");
        if (!runFacets.isEmpty()) {
          runNode.set("facets", runFacets);
        }
      }
      ObjectNode job = event.putObject("job");
      Name name = names.get(intervention.id());
      job.put("namespace", name.namespace());
      job.put("name", name.name());
      ObjectNode jobFacets = kept(intervention.facets(), "job.", event.get("producer"), "JobFacet");
      fabrique.of(intervention.id()).forEach(jobFacets::set);
      if (!jobFacets.isEmpty()) {
        job.set("facets", jobFacets);
      }
      for (String list : List.of("inputs", "outputs")) {
        List<ElementId> current =
            list.equals("inputs") ? intervention.inputs() : intervention.outputs();
        if (!record.has(list)) {
          continue;
        }
        ArrayNode datasetsNode = event.putArray(list);
        for (JsonNode listedName : record.get(list)) {
          DataObject object =
              datasets.get(
                  new Name(
                      listedName.path("namespace").asText(), listedName.path("name").asText()));
          if (object != null && current.contains(object.id())) {
            datasetsNode.add(
                dataset(
                    object,
                    list,
                    event.get("producer"),
                    version(intervention, object, list, made)));
            listed.add(object.id());
          }
        }
      }
      events.add(event);
    }
    // Datasets linked in Fabrique after the events came go with the last event.
    ObjectNode last = events.get(events.size() - 1);
    for (String list : List.of("inputs", "outputs")) {
      List<ElementId> current =
          list.equals("inputs") ? intervention.inputs() : intervention.outputs();
      for (ElementId id : current) {
        if (!listed.contains(id) && byId.get(id) instanceof DataObject object) {
          ArrayNode node = last.has(list) ? (ArrayNode) last.get(list) : last.putArray(list);
          node.add(
              dataset(
                  object, list, last.get("producer"), version(intervention, object, list, true)));
        }
      }
    }
    return events;
  }

  List<ObjectNode> datasetEvents(DataObject object, boolean touched) {
    List<ObjectNode> records = records(object.facets());
    if (records.isEmpty()) {
      if (touched) {
        return List.of();
      }
      ObjectNode record = JSON.objectNode();
      record.put("eventTime", now.toString());
      records = List.of(record);
    }
    List<ObjectNode> events = new ArrayList<>();
    for (ObjectNode record : records) {
      ObjectNode event = envelope(record, "DatasetEvent");
      event.set("dataset", dataset(object, "", event.get("producer"), ""));
      events.add(event);
    }
    return events;
  }

  /** The one event written for an intervention made in Fabrique (or imported long ago). */
  private ObjectNode made(Intervention intervention) {
    ObjectNode record = JSON.objectNode();
    Optional<Instant> time = intervention.endedAt().or(intervention::startedAt);
    if (intervention.endedAt().isPresent()) {
      record.put("eventType", "COMPLETE");
    } else if (intervention.startedAt().isPresent()) {
      record.put("eventType", "START");
    }
    record.put("eventTime", time.orElse(now).toString());
    for (String list : List.of("inputs", "outputs")) {
      record.putArray(list);
    }
    return record;
  }

  private static ObjectNode envelope(ObjectNode record, String kind) {
    ObjectNode event = JSON.objectNode();
    if (record.has("eventType")) {
      event.set("eventType", record.get("eventType"));
    }
    event.set("eventTime", record.get("eventTime"));
    event.set(
        "producer",
        record.has("producer") ? record.get("producer") : text(OpenLineageExporter.PRODUCER));
    event.set("schemaURL", record.has("schemaURL") ? record.get("schemaURL") : text(SPEC + kind));
    // Properties the specification does not name, kept as they came.
    record.path("extra").properties().forEach(p -> event.set(p.getKey(), p.getValue()));
    return event;
  }

  /**
   * The version of a data object an intervention used or generated, as it named it, or, for what
   * was linked in Fabrique, the version's label when the data object has several (else empty).
   */
  private String version(Intervention intervention, DataObject object, String list, boolean made) {
    Flow.Direction direction = list.equals("inputs") ? Flow.Direction.INPUT : Flow.Direction.OUTPUT;
    String named = intervention.namedVersion(direction, object.id());
    if (!named.isEmpty() || !made || !versions.versioned(object.id())) {
      return named;
    }
    Optional<DatasetVersions.Version> version =
        direction == Flow.Direction.INPUT
            ? versions.used(intervention.id(), object.id())
            : versions.generated(intervention.id(), object.id());
    return version.filter(v -> !v.initial()).map(DatasetVersions.Version::label).orElse("");
  }

  private ObjectNode dataset(DataObject object, String list, JsonNode producer, String version) {
    ObjectNode dataset = JSON.objectNode();
    Name name = names.get(object.id());
    dataset.put("namespace", name.namespace());
    dataset.put("name", name.name());
    ObjectNode facets = kept(object.facets(), "", producer, "DatasetFacet");
    if (!list.isEmpty() && version.isEmpty()) {
      // a version facet is the run's: the last one received for the dataset is not this run's
      facets.remove("version");
    } else if (!version.isEmpty()) {
      // the version this run used or generated, in the envelope last received for the dataset
      ObjectNode facet =
          facets.get("version") instanceof ObjectNode kept ? kept : facets.putObject("version");
      if (!facet.has("_producer")) {
        facet.put("_producer", OpenLineageExporter.PRODUCER);
        facet.put("_schemaURL", VERSION_FACET);
      }
      facet.put("datasetVersion", version);
    }
    if (!facets.has("schema") && !object.fields().isEmpty()) {
      ObjectNode schema = facets.putObject("schema");
      schema.put("_producer", OpenLineageExporter.PRODUCER);
      schema.put("_schemaURL", SCHEMA_FACET);
      ArrayNode fields = schema.putArray("fields");
      object
          .fields()
          .forEach(
              f -> {
                ObjectNode field = fields.addObject().put("name", f.name());
                if (!f.type().isEmpty()) {
                  field.put("type", f.type());
                }
                if (!f.description().isEmpty()) {
                  field.put("description", f.description());
                }
              });
    }
    fabrique.of(object.id()).forEach(facets::set);
    if (!facets.isEmpty()) {
      dataset.set("facets", facets);
    }
    if (list.equals("inputs")) {
      ObjectNode input = kept(object.facets(), "input.", producer, "InputDatasetFacet");
      if (!input.isEmpty()) {
        dataset.set("inputFacets", input);
      }
    } else if (list.equals("outputs")) {
      ObjectNode output = kept(object.facets(), "output.", producer, "OutputDatasetFacet");
      if (!output.isEmpty()) {
        dataset.set("outputFacets", output);
      }
    }
    return dataset;
  }

  private UUID runId(Intervention intervention) {
    String external = intervention.externalName();
    int hash = external.lastIndexOf('#');
    if (hash >= 0) {
      try {
        return UUID.fromString(external.substring(hash + 1));
      } catch (IllegalArgumentException e) {
        // not a run id of another system: derive ours
      }
    }
    return UUID.nameUUIDFromBytes(
        ("fabrique:" + snapshot.inquiryId() + ":" + intervention.id())
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The events received, as kept by the importer. */
  private static List<ObjectNode> records(Map<String, String> facets) {
    List<ObjectNode> records = new ArrayList<>();
    for (JsonNode record : json(facets.get(OpenLineageImporter.EVENTS))) {
      if (record instanceof ObjectNode node && node.path("eventTime").isTextual()) {
        records.add(node);
      }
    }
    return records;
  }

  /**
   * The facets kept under a prefix ("run.", "job.", "input.", "output." or "" for a dataset's own),
   * as received; only objects are facets (a dataset's own facets have no prefix, so keys of the
   * other kinds are left out).
   */
  private static ObjectNode kept(
      Map<String, String> facets, String prefix, JsonNode producer, String facetKind) {
    ObjectNode out = JSON.objectNode();
    for (Map.Entry<String, String> facet : new java.util.TreeMap<>(facets).entrySet()) {
      String key = facet.getKey();
      if (key.startsWith("@")) {
        continue;
      }
      String name;
      if (prefix.isEmpty()) {
        if (key.startsWith("input.") || key.startsWith("output.")) {
          continue;
        }
        name = key;
      } else if (key.startsWith(prefix)) {
        name = key.substring(prefix.length());
      } else {
        continue;
      }
      JsonNode value = json(facet.getValue());
      if (value instanceof ObjectNode node) {
        // A facet received without its envelope gets one, so that what is written conforms.
        if (!node.has("_producer")) {
          node.set("_producer", producer);
        }
        if (!node.has("_schemaURL")) {
          node.put("_schemaURL", SPEC + facetKind);
        }
        out.set(name, node);
      }
    }
    return out;
  }

  private static JsonNode json(String text) {
    if (text == null) {
      return JSON.missingNode();
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return JSON.missingNode();
    }
  }

  private static JsonNode text(String value) {
    return JSON.textNode(value);
  }
}
