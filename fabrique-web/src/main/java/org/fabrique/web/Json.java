package org.fabrique.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The JSON of the API: records as objects, java.time values as ISO-8601 strings. Reading is strict:
 * a value of the wrong type is refused rather than converted ({@code "name": 42} is not the name
 * "42", {@code "start": 0.5} is not 0), a missing number is not 0, and no text holds the NUL
 * character, which PostgreSQL cannot store.
 */
public final class Json {
  private Json() {}

  public static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(
                new SimpleModule("fabrique-strict-text")
                    .addDeserializer(String.class, new TextWithoutNul()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    for (LogicalType type :
        new LogicalType[] {
          LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean
        }) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.Integer, coercion(type, LogicalType.Integer))
          .setCoercion(CoercionInputShape.Float, coercion(type, LogicalType.Float))
          .setCoercion(CoercionInputShape.Boolean, coercion(type, LogicalType.Boolean))
          .setCoercion(CoercionInputShape.String, coercion(type, LogicalType.Textual))
          .setCoercion(CoercionInputShape.EmptyString, coercion(type, LogicalType.Textual));
    }
    return mapper;
  }

  /** Integers may be read as decimals; every other change of type is refused. */
  private static CoercionAction coercion(LogicalType target, LogicalType shape) {
    if (target == shape || (target == LogicalType.Float && shape == LogicalType.Integer)) {
      return CoercionAction.TryConvert;
    }
    return CoercionAction.Fail;
  }

  /** Text as sent, refused when it holds the NUL character. */
  private static final class TextWithoutNul extends StringDeserializer {
    private static final long serialVersionUID = 1L;

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = super.deserialize(parser, context);
      if (text != null && text.indexOf('\u0000') >= 0) {
        return (String)
            context.handleWeirdStringValue(
                String.class, text, "text may not contain the NUL character");
      }
      return text;
    }
  }
}
