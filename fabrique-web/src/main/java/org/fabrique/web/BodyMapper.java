package org.fabrique.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.stream.Stream;
import org.fabrique.core.error.InvalidInputException;

/**
 * Javalin's Jackson mapper, except in what it refuses: a body that says nothing ({@code null}, or
 * no body at all) or that is not the JSON asked for is invalid input (400), and a handler never
 * receives a null where it asked for an object.
 */
final class BodyMapper implements JsonMapper {
  private final ObjectMapper mapper;
  private final JavalinJackson jackson;

  BodyMapper(ObjectMapper mapper) {
    this.mapper = mapper;
    this.jackson = new JavalinJackson(mapper, false);
  }

  @Override
  public String toJsonString(Object object, Type type) {
    return jackson.toJsonString(object, type);
  }

  @Override
  public InputStream toJsonStream(Object object, Type type) {
    return jackson.toJsonStream(object, type);
  }

  @Override
  public void writeToOutputStream(Stream<?> stream, OutputStream out) {
    jackson.writeToOutputStream(stream, out);
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    if (json == null || json.isBlank()) {
      throw missing();
    }
    try {
      return present(mapper.readValue(json, mapper.constructType(type)));
    } catch (JacksonException e) {
      throw unreadable(e);
    }
  }

  @Override
  public <T> T fromJsonStream(InputStream json, Type type) {
    try {
      return present(mapper.readValue(json, mapper.constructType(type)));
    } catch (JacksonException e) {
      throw unreadable(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T present(T value) {
    if (value == null) {
      throw missing();
    }
    return value;
  }

  /** The body is not JSON, or not the JSON asked for; the parser's message stays in the cause. */
  private static InvalidInputException unreadable(JacksonException e) {
    return new InvalidInputException("The request body is not the JSON this operation expects", e);
  }

  private static InvalidInputException missing() {
    return new InvalidInputException("The request needs a JSON object as its body");
  }
}
