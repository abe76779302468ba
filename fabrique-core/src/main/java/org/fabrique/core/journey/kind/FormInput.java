package org.fabrique.core.journey.kind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.journey.ElementId;

/**
 * The values of a submitted form, by field name. A field absent from the submission is left as it
 * was by an edit; a field sent empty is cleared (forms send an empty value for lists left empty).
 */
public interface FormInput {

  /** Every value sent for a field, as sent; empty when the field was not sent. */
  List<String> all(String name);

  /** A form from a map of values, for callers that are not web forms. */
  static FormInput of(Map<String, List<String>> values) {
    return name -> values.getOrDefault(name, List.of());
  }

  /** Whether the submission has the field at all. */
  default boolean has(String name) {
    return !all(name).isEmpty();
  }

  /** The first value, stripped, or "". */
  default String text(String name) {
    List<String> values = all(name);
    return values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
  }

  /** The non-blank values, stripped. */
  default List<String> values(String name) {
    List<String> values = new ArrayList<>();
    for (String value : all(name)) {
      if (value != null && !value.isBlank()) {
        values.add(value.strip());
      }
    }
    return values;
  }

  /** The non-blank lines of a text field. */
  default List<String> lines(String name) {
    return text(name).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  default boolean flag(String name) {
    String value = text(name);
    return !value.isEmpty() && !value.equals("false") && !value.equals("no");
  }

  default Optional<Long> number(String name) {
    String value = text(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("The field " + name + " takes a whole number");
    }
  }

  default List<ElementId> ids(String name) {
    List<ElementId> ids = new ArrayList<>();
    for (String value : values(name)) {
      ids.add(parseId(name, value));
    }
    return ids;
  }

  default Optional<ElementId> id(String name) {
    String value = text(name);
    return value.isEmpty() ? Optional.empty() : Optional.of(parseId(name, value));
  }

  default Optional<LocalDate> date(String name) {
    String value = text(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("A date is written 2025-03-12");
    }
  }

  /** A date and time; without a zone it is read as UTC, a date alone as its midnight UTC. */
  default Optional<Instant> instant(String name) {
    String value = text(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (value.length() == 10) {
        return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
      }
      if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return Optional.of(OffsetDateTime.parse(value).toInstant());
      }
      return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("A date is written 2025-03-12 or 2025-03-12T09:30");
    }
  }

  private static ElementId parseId(String name, String value) {
    try {
      long id = Long.parseLong(value);
      if (id <= 0) {
        throw new NumberFormatException(value);
      }
      return new ElementId(id);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("The field " + name + " takes the id of an element");
    }
  }
}
