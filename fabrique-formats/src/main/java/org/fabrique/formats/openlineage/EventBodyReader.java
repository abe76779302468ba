package org.fabrique.formats.openlineage;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.error.Problem;

/** Reads the JSON values of a body of OpenLineage events, with the problems of its syntax. */
final class EventBodyReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final byte[] body;
  private final List<Problem> problems = new ArrayList<>();

  /** An event and where it is: its location and the pointer prefix of the body. */
  record Located(JsonNode node, String location, String prefix) {}

  EventBodyReader(byte[] body) {
    this.body = body;
  }

  /** The problems of syntax met by {@link #read}. */
  List<Problem> problems() {
    return problems;
  }

  /** The values of the body, laid out as the framing says; none when it has problems. */
  List<Located> read(OpenLineageEvents.Framing framing) {
    int first = firstNonBlank(0);
    if (first < 0) {
      return List.of();
    }
    return switch (framing) {
      case ONE_VALUE -> oneValue();
      case NDJSON -> lines();
      case SNIFF -> sniffed();
    };
  }

  /** One value alone is that value; a one-line value with more on later lines is NDJSON. */
  private List<Located> sniffed() {
    try (JsonParser parser = MAPPER.createParser(body)) {
      if (parser.nextToken() == null) {
        return List.of();
      }
      int startLine = parser.currentTokenLocation().getLineNr();
      parser.skipChildren();
      int endLine = parser.currentLocation().getLineNr();
      Optional<JsonLocation> next = nextValue(parser);
      if (next.isEmpty()) {
        return problems.isEmpty() ? oneValue() : List.of();
      }
      if (startLine == endLine && next.get().getLineNr() > endLine) {
        return lines();
      }
      problems.add(trailing(next.get()));
      return List.of();
    } catch (JsonProcessingException e) {
      problems.add(syntax("body", e));
      return List.of();
    } catch (IOException e) {
      problems.add(Problem.error("body", "The body could not be read"));
      return List.of();
    }
  }

  private List<Located> oneValue() {
    try (JsonParser parser = MAPPER.createParser(body)) {
      JsonNode value = MAPPER.readTree(parser);
      Optional<JsonLocation> next = nextValue(parser);
      if (next.isPresent()) {
        problems.add(trailing(next.get()));
      }
      if (!problems.isEmpty()) {
        return List.of();
      }
      if (value == null) {
        return List.of();
      }
      if (value.isArray()) {
        List<Located> events = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          events.add(new Located(value.get(i), "event " + (i + 1), "/" + i));
        }
        return events;
      }
      if (!value.isObject()) {
        problems.add(
            Problem.error("body", "The body is neither an event nor an array of events").at(""));
        return List.of();
      }
      return List.of(new Located(value, "event 1", ""));
    } catch (JsonProcessingException e) {
      problems.add(syntax("body", e));
      return List.of();
    } catch (IOException e) {
      problems.add(Problem.error("body", "The body could not be read"));
      return List.of();
    }
  }

  private List<Located> lines() {
    List<Located> events = new ArrayList<>();
    String text = new String(body, StandardCharsets.UTF_8);
    String[] rows = text.split("\r?\n", -1);
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i];
      if (row.isBlank()) {
        continue;
      }
      String location = "line " + (i + 1);
      try (JsonParser parser = MAPPER.createParser(row)) {
        JsonNode value = MAPPER.readTree(parser);
        if (parser.nextToken() != null) {
          problems.add(
              Problem.error(
                  location,
                  "Line "
                      + (i + 1)
                      + " has more after its JSON value, from column "
                      + parser.currentTokenLocation().getColumnNr()));
        } else if (value == null || !value.isObject()) {
          problems.add(Problem.error(location, "Each line holds one event (a JSON object)"));
        } else {
          events.add(new Located(value, location, ""));
        }
      } catch (JsonProcessingException e) {
        problems.add(syntax(location, e));
      } catch (IOException e) {
        problems.add(Problem.error(location, "The line could not be read"));
      }
    }
    return events;
  }

  /**
   * Where something starts after the value just read, if anything does; what cannot even be read
   * there is trailing content too.
   */
  private Optional<JsonLocation> nextValue(JsonParser parser) throws IOException {
    try {
      return parser.nextToken() == null
          ? Optional.empty()
          : Optional.of(parser.currentTokenLocation());
    } catch (JsonProcessingException e) {
      problems.add(trailing(e.getLocation()));
      return Optional.empty();
    }
  }

  private int firstNonBlank(int from) {
    for (int i = from; i < body.length; i++) {
      if (!Character.isWhitespace(body[i])) {
        return i;
      }
    }
    return -1;
  }

  private static Problem trailing(JsonLocation at) {
    return Problem.error(
        "body",
        "The body has more after its JSON value, from line "
            + at.getLineNr()
            + ", column "
            + at.getColumnNr()
            + "; send one value, or NDJSON with one event per line");
  }

  /** A syntax error in words, without the parser's own message. */
  private static Problem syntax(String location, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String place = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String what =
        e instanceof JsonEOFException
            ? "the text ends before its JSON value is complete"
            : "it is not valid JSON";
    String prefix = location.equals("body") ? "The body" : "This line";
    return Problem.error(location, prefix + " cannot be read: " + what + place);
  }
}
