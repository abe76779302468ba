package org.fabrique.core.journey;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of a table of actors, as read: the pseudonym names the actor; every other column is
 * empty ({@code Optional.empty()}) when the table has no such column, and then left as it is.
 *
 * @param line the line of the file (the header is line 1), for messages
 * @param type an {@link ActorType} id or name, in English or French
 * @param category a term of the {@code actor-categories} vocabulary, by id or by label
 * @param realName confidential; never printed back
 */
public record ActorRow(
    int line,
    String pseudonym,
    Optional<String> type,
    Optional<String> category,
    Optional<String> institution,
    Optional<String> realName) {
  public ActorRow {
    pseudonym = pseudonym == null ? "" : pseudonym.strip();
    type = Objects.requireNonNull(type, "type").map(String::strip);
    category = Objects.requireNonNull(category, "category").map(String::strip);
    institution = Objects.requireNonNull(institution, "institution").map(String::strip);
    realName = Objects.requireNonNull(realName, "realName").map(String::strip);
  }
}
