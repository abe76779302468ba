package org.fabrique.formats.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.formats.openlineage.EventBodyReader.Located;

/**
 * Reads OpenLineage 2-0-2 events — one JSON value (an event or an array of events) or NDJSON (one
 * event per line) — and checks each against the official JSON Schema.
 *
 * <p>Strict where it matters: required fields and their types, run ids, times, one value with
 * nothing after it. Lenient where real producers are (the reference backend's own test events,
 * older Spark listeners): an event without {@code schemaURL}, a facet without {@code _producer} or
 * {@code _schemaURL}, and a time without a zone (read as UTC) are accepted with a warning. Facets
 * unknown to Fabrique are kept as they came. Every problem names the event ("event 2", "line 14")
 * and carries a JSON pointer to the value concerned.
 */
public final class OpenLineageEvents {
  /** What {@link #SCHEMA_URL} stands for when an event names no schema. */
  public static final String SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json";

  private static final Map<String, JsonSchema> SCHEMAS = loadSchemas();

  private OpenLineageEvents() {}

  /**
   * How much one request or file may hold.
   *
   * @param maxBytes the largest body, in bytes
   * @param maxEvents the most events in one body
   */
  public record Limits(long maxBytes, int maxEvents) {
    /** 32 MiB and 10,000 events. */
    public static final Limits DEFAULT = new Limits(32L * 1024 * 1024, 10_000);

    public Limits {
      if (maxBytes <= 0 || maxEvents <= 0) {
        throw new IllegalArgumentException("Limits are positive");
      }
    }
  }

  /** How the events are laid out in a body. */
  public enum Framing {
    /** One JSON value: an event or an array of events. */
    ONE_VALUE,
    /** Newline-delimited JSON: one event per line. */
    NDJSON,
    /** Decided by the first non-blank value: alone, or followed by others on later lines. */
    SNIFF;

    /**
     * The framing a content type announces: {@code application/x-ndjson} (and its aliases) is
     * NDJSON, {@code application/json} one value, anything else is decided by the body.
     */
    public static Framing ofContentType(String contentType) {
      if (contentType == null) {
        return SNIFF;
      }
      String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      return switch (type) {
        case "application/x-ndjson",
            "application/ndjson",
            "application/jsonl",
            "application/x-jsonlines",
            "application/jsonlines" ->
            NDJSON;
        case "application/json" -> ONE_VALUE;
        default -> SNIFF;
      };
    }
  }

  /** Events read and checked, with the problems met; events are only to be used when valid. */
  public record Parsed(List<JsonNode> events, List<Problem> problems) {
    public Parsed {
      events = List.copyOf(events);
      problems = List.copyOf(problems);
    }

    /** True when no problem is an error (warnings do not prevent an import). */
    public boolean valid() {
      return problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** The errors. */
    public List<Problem> errors() {
      return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    /** The warnings: what was accepted although the specification asks otherwise. */
    public List<Problem> warnings() {
      return problems.stream().filter(p -> p.severity() != Problem.Severity.ERROR).toList();
    }
  }

  /** Reads a body whose framing is decided by its first value, within the default limits. */
  public static Parsed read(byte[] body) {
    return read(body, Framing.SNIFF, Limits.DEFAULT);
  }

  /** Parses a body and validates every event; never throws on bad input. */
  public static Parsed read(byte[] body, Framing framing, Limits limits) {
    if (body.length > limits.maxBytes()) {
      return refused(
          Problem.error(
              "body", "The body is larger than the limit of " + limits.maxBytes() + " bytes"));
    }
    EventBodyReader reader = new EventBodyReader(body);
    List<Located> values = reader.read(framing);
    if (!reader.problems().isEmpty()) {
      return new Parsed(List.of(), reader.problems());
    }
    if (values.isEmpty()) {
      return refused(Problem.error("body", "The body holds no event"));
    }
    if (values.size() > limits.maxEvents()) {
      return refused(
          Problem.error(
              "body",
              "The body holds "
                  + values.size()
                  + " events; at most "
                  + limits.maxEvents()
                  + " are accepted at once"));
    }
    List<JsonNode> events = new ArrayList<>();
    Set<Problem> problems = new LinkedHashSet<>();
    for (Located value : values) {
      events.add(check(value, problems));
    }
    return new Parsed(events, new ArrayList<>(problems));
  }

  /** Validates one event as produced by an exporter, throwing when it does not conform. */
  public static void requireValid(JsonNode event) {
    Set<ValidationMessage> messages = schemaOf(event).validate(event);
    if (!messages.isEmpty()) {
      throw new InvalidInputException(
          "OpenLineage event does not conform to the 2-0-2 schema: "
              + messages.iterator().next().getError());
    }
  }

  private static Parsed refused(Problem problem) {
    return new Parsed(List.of(), List.of(problem));
  }

  /**
   * The event as it will be imported (times without a zone given one), its problems added; the
   * schema sees a copy completed where the event is accepted leniently.
   */
  private static JsonNode check(Located value, Set<Problem> problems) {
    String where = value.location();
    String prefix = value.prefix();
    if (!(value.node() instanceof ObjectNode event)) {
      problems.add(Problem.error(where, "An event is a JSON object").at(prefix));
      return value.node();
    }
    ObjectNode imported = event.deepCopy();
    ObjectNode checked = event.deepCopy();
    if (!checked.has("schemaURL")) {
      problems.add(
          Problem.warning(where, "The event names no schemaURL; read as OpenLineage 2-0-2")
              .at(prefix + "/schemaURL"));
      checked.put("schemaURL", SCHEMA_URL + "#/$defs/" + kindOf(checked));
    }
    facetEnvelopes(checked, where, prefix, problems);
    time(imported, checked, where, prefix, problems);
    JsonNode runId = checked.path("run").path("runId");
    if (runId.isTextual() && !isUuid(runId.asText())) {
      problems.add(Problem.error(where, "The run id is not a UUID").at(prefix + "/run/runId"));
    }
    for (ValidationMessage message : schemaOf(checked).validate(checked)) {
      String pointer = message.getInstanceLocation().toString();
      if ("required".equals(message.getType()) && message.getProperty() != null) {
        pointer = pointer + "/" + message.getProperty();
      }
      problems.add(Problem.error(where, sentence(message)).at(prefix + pointer));
    }
    return imported;
  }

  private static void time(
      ObjectNode imported, ObjectNode checked, String where, String prefix, Set<Problem> problems) {
    JsonNode time = checked.get("eventTime");
    if (time == null || !time.isTextual()) {
      return; // the schema says what is wrong
    }
    try {
      OffsetDateTime.parse(time.asText());
    } catch (DateTimeParseException notOffset) {
      try {
        String utc = LocalDateTime.parse(time.asText()).atOffset(ZoneOffset.UTC).toString();
        problems.add(
            Problem.warning(where, "The event time has no time zone; read as UTC")
                .at(prefix + "/eventTime"));
        imported.put("eventTime", utc);
        checked.put("eventTime", utc);
      } catch (DateTimeParseException notLocal) {
        problems.add(
            Problem.error(
                    where, "The event time is not a date and time such as 2025-01-31T12:00:00Z")
                .at(prefix + "/eventTime"));
      }
    }
  }

  /** Completes facets written without their envelope keys, with a warning for each. */
  private static void facetEnvelopes(
      ObjectNode event, String where, String prefix, Set<Problem> problems) {
    envelopes(event.path("run").path("facets"), where, prefix + "/run/facets", problems);
    envelopes(event.path("job").path("facets"), where, prefix + "/job/facets", problems);
    envelopes(event.path("dataset").path("facets"), where, prefix + "/dataset/facets", problems);
    for (String list : List.of("inputs", "outputs")) {
      JsonNode datasets = event.path(list);
      for (int i = 0; i < datasets.size(); i++) {
        String at = prefix + "/" + list + "/" + i;
        envelopes(datasets.get(i).path("facets"), where, at + "/facets", problems);
        envelopes(datasets.get(i).path("inputFacets"), where, at + "/inputFacets", problems);
        envelopes(datasets.get(i).path("outputFacets"), where, at + "/outputFacets", problems);
      }
    }
  }

  private static void envelopes(
      JsonNode facets, String where, String pointer, Set<Problem> problems) {
    if (!(facets instanceof ObjectNode)) {
      return;
    }
    for (Map.Entry<String, JsonNode> facet : facets.properties()) {
      if (facet.getValue() instanceof ObjectNode node
          && (!node.has("_producer") || !node.has("_schemaURL"))) {
        problems.add(
            Problem.warning(
                    where,
                    "The facet "
                        + facet.getKey()
                        + " does not say who produced it or its schema; kept as it came")
                .at(pointer + "/" + escape(facet.getKey())));
        if (!node.has("_producer")) {
          node.put("_producer", "urn:unknown");
        }
        if (!node.has("_schemaURL")) {
          node.put("_schemaURL", "urn:unknown");
        }
      }
    }
  }

  private static String sentence(ValidationMessage message) {
    String error = message.getError();
    if (error == null || error.isBlank()) {
      error = message.getMessage();
    }
    return "Not OpenLineage 2-0-2: " + error;
  }

  private static boolean isUuid(String text) {
    try {
      return UUID.fromString(text).toString().equalsIgnoreCase(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** RunEvent, DatasetEvent or JobEvent, by the event's shape. */
  private static String kindOf(JsonNode event) {
    if (event.has("run")) {
      return "RunEvent";
    }
    if (event.has("dataset") && !event.has("job")) {
      return "DatasetEvent";
    }
    return event.has("job") ? "JobEvent" : "RunEvent";
  }

  private static JsonSchema schemaOf(JsonNode event) {
    return SCHEMAS.get(kindOf(event));
  }

  private static Map<String, JsonSchema> loadSchemas() {
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder.schemaMappers(
                    mappers ->
                        mappers.mapPrefix(
                            "https://openlineage.io/spec/2-0-2/",
                            "classpath:org/fabrique/formats/openlineage/")));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    return Map.of(
        "RunEvent", schema(factory, config, "RunEvent"),
        "DatasetEvent", schema(factory, config, "DatasetEvent"),
        "JobEvent", schema(factory, config, "JobEvent"));
  }

  private static JsonSchema schema(
      JsonSchemaFactory factory, SchemaValidatorsConfig config, String kind) {
    JsonSchema schema =
        factory.getSchema(SchemaLocation.of(SCHEMA_URL + "#/$defs/" + kind), config);
    schema.initializeValidators();
    return schema;
  }
}
