package org.fabrique.core.journey.kind;

import java.util.List;
import java.util.function.Function;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.journey.UseCondition;

/** What the descriptors' form readers share. */
final class Forms {
  private Forms() {}

  /** The field's new value when the form sent it, else the current one. */
  static <V> V keep(FormInput input, String name, V current, Function<FormInput, V> read) {
    return input.has(name) ? read.apply(input) : current;
  }

  /** The text of a field when sent, else the current value. */
  static String keepText(FormInput input, String name, String current) {
    return input.has(name) ? input.text(name) : current;
  }

  /** The use conditions chosen in a field, keeping the notes of those already there. */
  static List<UseCondition> conditions(FormInput input, String name, List<UseCondition> before) {
    return input.values(name).stream()
        .map(
            term ->
                before.stream()
                    .filter(c -> c.term().equals(term))
                    .findFirst()
                    .orElse(new UseCondition(term, "")))
        .toList();
  }

  /** An id among an enumeration's, or a refusal naming what to choose. */
  static <E> E choice(
      FormInput input,
      String name,
      Function<String, java.util.Optional<E>> fromId,
      E fallback,
      String refusal) {
    String value = input.text(name);
    if (value.isEmpty()) {
      if (fallback == null) {
        throw new InvalidInputException(refusal);
      }
      return fallback;
    }
    return fromId.apply(value).orElseThrow(() -> new InvalidInputException(refusal));
  }
}
