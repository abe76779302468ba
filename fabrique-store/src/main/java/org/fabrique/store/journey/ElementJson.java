package org.fabrique.store.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.kind.ElementKind;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.memo.ItemKind;

/**
 * The JSON of journey elements in table {@code journey_elements}: the record's components, with
 * instants and dates as ISO-8601 text and empty optionals as null. The kind column says which
 * record to read (the kind's descriptor in {@link ElementKinds}).
 */
final class ElementJson {
  private final ObjectMapper mapper =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  String write(JourneyElement element) {
    try {
      return mapper.writeValueAsString(element);
    } catch (JsonProcessingException e) {
      throw new StorageException("A journey element could not be written", e);
    }
  }

  JourneyElement read(String kind, String json) {
    ElementKind<?> elementKind =
        ItemKind.fromId(kind)
            .flatMap(ElementKinds::find)
            .orElseThrow(() -> new StorageException("Unknown journey element kind " + kind));
    try {
      return mapper.readValue(json, elementKind.type());
    } catch (JsonProcessingException e) {
      throw new StorageException("A journey element of the database cannot be read", e);
    }
  }
}
