package org.fabrique.diff.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Reports as JSON: the stable, versioned form other tools read. */
public final class JsonReports {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .setDefaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private JsonReports() {}

  public static void write(Object report, Writer out) {
    try {
      MAPPER.writeValue(out, report);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the JSON report", e);
    }
  }

  public static String toJson(Object report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The report cannot be written as JSON", e);
    }
  }

  /**
   * Reads a report back from its JSON form (a report kept as JSON, written again in another format
   * or without its values).
   *
   * @throws IllegalArgumentException when the text is not a report of {@link
   *     DiffReport#FORMAT_VERSION}
   */
  public static DiffReport read(String json) {
    DiffReport report;
    try {
      report = MAPPER.readValue(json, DiffReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JSON report", e);
    }
    if (!DiffReport.FORMAT_VERSION.equals(report.formatVersion())) {
      throw new IllegalArgumentException("Not a report of " + DiffReport.FORMAT_VERSION);
    }
    return report;
  }

  /** Reads a report back as a JSON tree (for tools and tests). */
  public static JsonNode readTree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JSON report", e);
    }
  }
}
