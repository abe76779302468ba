package org.fabrique.core.journey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a choice stands. Ids are stable and used in files, URLs and exports. */
public enum ChoiceStatus {
  PROPOSED("proposed"),
  CONTESTED("contested"),
  SETTLED("settled"),
  REVISITED("revisited");

  private final String id;

  ChoiceStatus(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<ChoiceStatus> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
  }
}
