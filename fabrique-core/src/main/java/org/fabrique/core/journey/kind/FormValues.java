package org.fabrique.core.journey.kind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.journey.ElementId;

/** The values of an element's fields as a form sends them: text, ids and dates as text. */
public final class FormValues {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  private FormValues() {}

  public static FormValues of() {
    return new FormValues();
  }

  public FormValues text(String name, String value) {
    values.put(name, value == null || value.isEmpty() ? List.of() : List.of(value));
    return this;
  }

  public FormValues texts(String name, Collection<String> all) {
    values.put(name, List.copyOf(all));
    return this;
  }

  public FormValues lines(String name, Collection<String> all) {
    return text(name, String.join("\n", all));
  }

  public FormValues id(String name, Optional<ElementId> id) {
    return text(name, id.map(i -> Long.toString(i.value())).orElse(""));
  }

  public FormValues ids(String name, Collection<ElementId> ids) {
    return texts(name, ids.stream().map(i -> Long.toString(i.value())).toList());
  }

  public FormValues date(String name, Optional<LocalDate> date) {
    return text(name, date.map(LocalDate::toString).orElse(""));
  }

  public FormValues instant(String name, Optional<Instant> instant) {
    return text(name, instant.map(Instant::toString).orElse(""));
  }

  public FormValues flag(String name, boolean on) {
    return text(name, on ? "yes" : "");
  }

  public Map<String, List<String>> map() {
    return Map.copyOf(values);
  }
}
