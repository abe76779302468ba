package org.fabrique.core.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;

/**
 * Reads the filters of a search as people type them (in a form, a query string or on the command
 * line), refusing what cannot be read with a message that says which filter is wrong.
 */
public final class FilterInput {
  private FilterInput() {}

  /**
   * A date bound of a search.
   *
   * @param what the name of the bound, for the message ("from", "to")
   */
  public static LocalDate date(String text, String what) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "The date " + what + " is written YYYY-MM-DD, for example 2024-03-18", e);
    }
  }

  /** The coder with this login, among the users. */
  public static UserId coder(List<User> users, String login) {
    String wanted = login.strip();
    return users.stream()
        .filter(u -> u.login().equals(wanted))
        .map(User::id)
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("There is no coder with login " + wanted));
  }

  /** The coder with this id, among the users. */
  public static UserId coder(List<User> users, long id) {
    return users.stream()
        .map(User::id)
        .filter(u -> u.value() == id)
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("There is no coder " + id));
  }

  /** A filter on the value of the attribute with this name, among the inquiry's attributes. */
  public static SearchFilters.AttributeFilter attribute(
      List<AttributeDefinition> definitions, String name, String value) {
    String wanted = name.strip();
    AttributeDefinition definition =
        definitions.stream()
            .filter(d -> d.name().equals(wanted))
            .findFirst()
            .orElseThrow(
                () -> new InvalidInputException("The inquiry has no attribute named " + wanted));
    return attribute(definition, value);
  }

  /** A filter on the value of the attribute with this id, among the inquiry's attributes. */
  public static SearchFilters.AttributeFilter attribute(
      List<AttributeDefinition> definitions, AttributeId id, String value) {
    AttributeDefinition definition =
        definitions.stream()
            .filter(d -> d.id().equals(id))
            .findFirst()
            .orElseThrow(
                () -> new InvalidInputException("The inquiry has no attribute " + id.value()));
    return attribute(definition, value);
  }

  /**
   * A filter on the value of the attribute given as {@code NAME=VALUE}, among the inquiry's
   * attributes.
   */
  public static SearchFilters.AttributeFilter attribute(
      List<AttributeDefinition> definitions, String nameAndValue) {
    int equals = nameAndValue.indexOf('=');
    if (equals <= 0) {
      throw new InvalidInputException("An attribute filter is written NAME=VALUE");
    }
    return attribute(
        definitions, nameAndValue.substring(0, equals), nameAndValue.substring(equals + 1));
  }

  private static SearchFilters.AttributeFilter attribute(
      AttributeDefinition definition, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(
          "The attribute filter on " + definition.name() + " needs a value");
    }
    return new SearchFilters.AttributeFilter(
        definition.id(), Set.of(definition.type().canonical(value)));
  }
}
