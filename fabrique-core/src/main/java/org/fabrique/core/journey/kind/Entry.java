package org.fabrique.core.journey.kind;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON object of an OpenLineage facet entry, built in order; empty text and lists left out. */
final class Entry {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  static Entry of() {
    return new Entry();
  }

  Entry text(String key, String value) {
    if (value != null && !value.isEmpty()) {
      fields.put(key, value);
    }
    return this;
  }

  Entry number(String key, long value) {
    fields.put(key, value);
    return this;
  }

  Entry flag(String key, boolean value) {
    fields.put(key, value);
    return this;
  }

  Entry list(String key, Collection<?> values) {
    if (!values.isEmpty()) {
      fields.put(key, List.copyOf(values));
    }
    return this;
  }

  Entry object(String key, Map<String, Object> value) {
    if (!value.isEmpty()) {
      fields.put(key, value);
    }
    return this;
  }

  Map<String, Object> map() {
    return fields;
  }
}
