package org.fabrique.formats.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.RedactionProfile;

/**
 * Writes journeys as OpenLineage 2-0-2 events, reproducing what came in: each event received about
 * a run, job or dataset is written again with its type, time, producer and datasets as received,
 * with every facet kept (the run's, the job's, each dataset's, input and output facets), under the
 * namespaces and names received. Elements made in Fabrique are written once, named by their label
 * in the inquiry's namespace, with the type their dates support (COMPLETE when it ended, START when
 * it only started) and no invented time: an intervention without dates is a JobEvent, and a data
 * object no run touches a DatasetEvent, at the time of the export.
 *
 * <p>Fabrique's own facets (see {@link LineageFacets}) go on the jobs and datasets they concern,
 * their JSON schemas versioned in this module ({@code openlineage/facets/1-1-0/*.json}). Actors
 * appear by pseudonym only; nothing of the field material is written but what the redaction profile
 * discloses.
 */
public final class OpenLineageExporter {
  /** Who writes the events. */
  public static final String PRODUCER = "https://w3id.org/fabrique";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Clock clock;

  /** An exporter whose undated elements are written at the time of the export. */
  public OpenLineageExporter() {
    this(Clock.systemUTC());
  }

  public OpenLineageExporter(Clock clock) {
    this.clock = clock;
  }

  /** The events of a snapshot, in the order of the elements' ids and of the events received. */
  public List<ObjectNode> events(JourneySnapshot snapshot, RedactionProfile profile) {
    Map<ElementId, JourneyElement> byId = new LinkedHashMap<>();
    snapshot.elements().stream()
        .filter(e -> profile.allows(e.header().confidentiality()))
        .forEach(e -> byId.put(e.id(), e));
    LineageExport export =
        new LineageExport(
            byId,
            "fabrique-inquiry-" + snapshot.inquiryId(),
            new LineageFacets(snapshot, profile),
            snapshot,
            clock.instant());
    List<ObjectNode> events = new ArrayList<>();
    Set<ElementId> touched = new HashSet<>();
    for (JourneyElement element : byId.values()) {
      if (element instanceof Intervention intervention) {
        events.addAll(export.interventionEvents(intervention));
        touched.addAll(intervention.inputs());
        touched.addAll(intervention.outputs());
      }
    }
    for (JourneyElement element : byId.values()) {
      if (element instanceof DataObject object) {
        events.addAll(export.datasetEvents(object, touched.contains(object.id())));
      }
    }
    events.forEach(event -> redact(event, profile));
    return events;
  }

  /**
   * The JSON schema of one of Fabrique's facets, as published under {@code
   * https://w3id.org/fabrique/spec/facets/VERSION/NAME.json} and served by the web app under {@code
   * /spec/facets/VERSION/NAME.json}; empty when there is no such schema.
   */
  public static Optional<byte[]> facetSchema(String version, String file) {
    if (!version.matches("\\d+-\\d+-\\d+") || !file.matches("[A-Za-z]{1,60}Facet\\.json")) {
      return Optional.empty();
    }
    String folder = version.equals("1-0-0") ? "" : version + "/";
    try (java.io.InputStream in =
        OpenLineageExporter.class.getResourceAsStream(
            "/org/fabrique/formats/openlineage/facets/" + folder + file)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the facet schema " + file, e);
    }
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
}
