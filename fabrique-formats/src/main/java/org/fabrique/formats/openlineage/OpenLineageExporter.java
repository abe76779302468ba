package org.fabrique.formats.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.RedactionProfile;

/**
 * Writes journeys as OpenLineage 2-0-2 RunEvents, one per intervention, with custom facets whose
 * JSON schemas are versioned in this module ({@code openlineage/facets/*.json}): {@code
 * fabrique_choices} and {@code fabrique_tensions} on the job, {@code fabrique_governance} on
 * datasets. Actors appear by pseudonym only; nothing of the field material is written.
 */
public final class OpenLineageExporter {
  /** Who writes the events. */
  public static final String PRODUCER = "https://w3id.org/fabrique";

  private static final String RUN_EVENT =
      "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The events of a snapshot, in the order of the interventions' ids. */
  public List<ObjectNode> events(JourneySnapshot snapshot, RedactionProfile profile) {
    Map<ElementId, JourneyElement> byId = new LinkedHashMap<>();
    snapshot.elements().stream()
        .filter(e -> profile.allows(e.header().confidentiality()))
        .forEach(e -> byId.put(e.id(), e));
    String namespace = "fabrique-inquiry-" + snapshot.inquiryId();
    LineageFacets fabrique = new LineageFacets(snapshot, profile);
    List<ObjectNode> events = new ArrayList<>();
    for (JourneyElement element : byId.values()) {
      if (!(element instanceof Intervention intervention)) {
        continue;
      }
      ObjectNode event = JSON.objectNode();
      event.put("eventType", "COMPLETE");
      Instant time = intervention.endedAt().or(intervention::startedAt).orElse(Instant.EPOCH);
      event.put("eventTime", time.toString());
      event.put("producer", PRODUCER);
      event.put("schemaURL", RUN_EVENT);
      ObjectNode run = event.putObject("run");
      run.put("runId", runId(snapshot, intervention).toString());
      ObjectNode job = event.putObject("job");
      String[] name =
          split(intervention.externalName(), namespace, "intervention-" + intervention.id());
      job.put("namespace", name[0]);
      job.put("name", name[1]);
      ObjectNode jobFacets = job.putObject("facets");
      fabrique.of(intervention.id()).forEach(jobFacets::set);
      ArrayNode inputs = event.putArray("inputs");
      intervention.inputs().stream()
          .map(byId::get)
          .filter(DataObject.class::isInstance)
          .forEach(d -> inputs.add(dataset((DataObject) d, namespace, fabrique)));
      ArrayNode outputs = event.putArray("outputs");
      intervention.outputs().stream()
          .map(byId::get)
          .filter(DataObject.class::isInstance)
          .forEach(d -> outputs.add(dataset((DataObject) d, namespace, fabrique)));
      redact(event, profile);
      events.add(event);
    }
    return events;
  }

  /**
   * Every text value of an event (names, labels, descriptions, notes) as it goes out under the
   * profile: the accepted redactions of the inquiry applied.
   */
  private static void redact(JsonNode node, RedactionProfile profile) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isTextual()) {
          object.put(name, profile.text(value.textValue()));
        } else {
          redact(value, profile);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        if (value.isTextual()) {
          array.set(i, JSON.textNode(profile.text(value.textValue())));
        } else {
          redact(value, profile);
        }
      }
    }
  }

  /** Writes the events as NDJSON (one event per line). */
  public int writeNdjson(JourneySnapshot snapshot, RedactionProfile profile, OutputStream out) {
    List<ObjectNode> events = events(snapshot, profile);
    try {
      for (ObjectNode event : events) {
        out.write(event.toString().getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events.size();
  }

  private static UUID runId(JourneySnapshot snapshot, Intervention intervention) {
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

  private static String[] split(String externalName, String namespace, String fallback) {
    String name = externalName;
    int hash = name.lastIndexOf('#');
    if (hash >= 0) {
      name = name.substring(0, hash);
    }
    int slash = name.indexOf('/');
    if (slash > 0 && slash < name.length() - 1) {
      return new String[] {name.substring(0, slash), name.substring(slash + 1)};
    }
    return new String[] {namespace, fallback};
  }

  private static ObjectNode dataset(DataObject object, String namespace, LineageFacets fabrique) {
    ObjectNode dataset = JSON.objectNode();
    String[] name = split(object.externalName(), namespace, "data-object-" + object.id());
    dataset.put("namespace", name[0]);
    dataset.put("name", name[1]);
    ObjectNode facets = dataset.putObject("facets");
    if (!object.fields().isEmpty()) {
      ObjectNode schema = facets.putObject("schema");
      schema.put("_producer", PRODUCER);
      schema.put(
          "_schemaURL",
          "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet");
      ArrayNode fields = schema.putArray("fields");
      object
          .fields()
          .forEach(
              f -> {
                ObjectNode field = fields.addObject().put("name", f.name());
                if (!f.type().isEmpty()) {
                  field.put("type", f.type());
                }
              });
    }
    fabrique.of(object.id()).forEach(facets::set);
    return dataset;
  }
}
