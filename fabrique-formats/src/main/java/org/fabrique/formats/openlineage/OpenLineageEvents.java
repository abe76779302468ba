package org.fabrique.formats.openlineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;

/**
 * Reads OpenLineage 2-0-2 events — one JSON object, a JSON array of them, or NDJSON — and checks
 * each against the official JSON Schema.
 */
public final class OpenLineageEvents {
  /** The largest body accepted, in bytes. */
  public static final int MAX_BYTES = 32 * 1024 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = loadSchema();

  private OpenLineageEvents() {}

  /** Events read and checked, or the problems that prevent it. */
  public record Parsed(List<JsonNode> events, List<Problem> problems) {
    public Parsed {
      events = List.copyOf(events);
      problems = List.copyOf(problems);
    }

    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /** Parses a body and validates every event; never throws on bad input. */
  public static Parsed read(byte[] body) {
    if (body.length > MAX_BYTES) {
      return new Parsed(
          List.of(), List.of(problem("body", "is larger than " + MAX_BYTES + " bytes")));
    }
    List<JsonNode> events = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String text = new String(body, StandardCharsets.UTF_8).strip();
    try {
      if (text.startsWith("[")) {
        JsonNode array = MAPPER.readTree(text);
        array.forEach(events::add);
      } else if (text.startsWith("{") && !text.contains("\n{")) {
        events.add(MAPPER.readTree(text));
      } else {
        int line = 0;
        for (String row : text.split("\n")) {
          line++;
          if (!row.isBlank()) {
            try {
              events.add(MAPPER.readTree(row));
            } catch (JsonProcessingException e) {
              problems.add(problem("line " + line, "is not JSON: " + e.getOriginalMessage()));
            }
          }
        }
      }
    } catch (JsonProcessingException e) {
      return new Parsed(
          List.of(), List.of(problem("body", "is not JSON: " + e.getOriginalMessage())));
    }
    if (events.isEmpty() && problems.isEmpty()) {
      problems.add(problem("body", "holds no event"));
    }
    for (int i = 0; i < events.size(); i++) {
      Set<ValidationMessage> messages = SCHEMA.validate(events.get(i));
      for (ValidationMessage message : messages) {
        problems.add(problem("event " + (i + 1), message.getMessage()));
      }
    }
    return new Parsed(events, problems);
  }

  /** Validates one event as produced by an exporter, throwing when it does not conform. */
  public static void requireValid(JsonNode event) {
    Set<ValidationMessage> messages = SCHEMA.validate(event);
    if (!messages.isEmpty()) {
      throw new InvalidInputException(
          "OpenLineage event does not conform to the 2-0-2 schema: "
              + messages.iterator().next().getMessage());
    }
  }

  private static Problem problem(String where, String what) {
    return new Problem(where, Problem.Severity.ERROR, "OpenLineage " + where + " " + what);
  }

  private static JsonSchema loadSchema() {
    try (InputStream in =
        OpenLineageEvents.class.getResourceAsStream(
            "/org/fabrique/formats/openlineage/OpenLineage.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the OpenLineage schema", e);
    }
  }
}
