package org.fabrique.core.journey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of actor takes part in a journey. Ids are stable and used in files, URLs and exports.
 */
public enum ActorType {
  PERSON("person"),
  ORGANISATION("organisation"),
  COMMITTEE("committee"),
  SOFTWARE("software");

  private final String id;

  ActorType(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<ActorType> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
  }
}
