package org.fabrique.store.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.OperationTypes;

/**
 * Writes operations as JSON for the history and reads them back.
 *
 * <p>An operation is stored as its type id ({@link OperationTypes}) beside the JSON of its record
 * components. Operations nested in another (the steps of a {@link
 * org.fabrique.core.history.CompositeOperation}) carry their own type: {@code {"type":
 * "code.create", "op": {…}}}. Typed ids ({@code CodeId(long value)}) are written as plain numbers,
 * instants and dates as ISO-8601 text, an empty {@code Optional} as {@code null}, enumerations by
 * constant name. Record component names, enumeration constant names and type ids are therefore part
 * of the stored format; the golden files of the tests guard them.
 */
public final class OperationCodec {
  private volatile ObjectMapper mapper;

  /**
   * The mapper, built on first use: a command that reads or writes no history (a listing) does not
   * pay for loading Jackson.
   */
  private ObjectMapper mapper() {
    ObjectMapper built = mapper;
    if (built == null) {
      synchronized (this) {
        built = mapper;
        if (built == null) {
          built = build();
          mapper = built;
        }
      }
    }
    return built;
  }

  private static ObjectMapper build() {
    SimpleModule operations = new SimpleModule("fabrique-operations");
    operations.addSerializer(Operation.class, new OperationSerializer());
    operations.addDeserializer(Operation.class, new OperationDeserializer());
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(new TypedIdModule())
        .addModule(operations)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
  }

  /** The stable type id of an operation. */
  public String typeOf(Operation operation) {
    return OperationTypes.idOf(operation.getClass());
  }

  /** The JSON of an operation's components (its type id is stored beside it). */
  public String write(Operation operation) {
    try {
      return mapper().writeValueAsString(operation);
    } catch (JsonProcessingException e) {
      throw new StorageException(
          "The change could not be recorded in the history (" + typeOf(operation) + ")", e);
    }
  }

  /**
   * Reads an operation written by {@link #write}.
   *
   * @throws StorageException when the type is unknown to this version or the JSON does not fit it
   */
  public Operation read(String type, String json) {
    Class<? extends Operation> operationClass =
        OperationTypes.classOf(type)
            .orElseThrow(
                () ->
                    new StorageException(
                        "The history holds a change of type \""
                            + type
                            + "\" that this version of Fabrique does not know"));
    try {
      return mapper().readValue(json, operationClass);
    } catch (JsonProcessingException e) {
      throw new StorageException(
          "A change of type \"" + type + "\" in the history cannot be read", e);
    }
  }
}
