package org.fabrique.core.journey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a tension stands. Ids are stable and used in files, URLs and exports. */
public enum TensionStatus {
  OPEN("open"),
  RESOLVED("resolved"),
  DORMANT("dormant");

  private final String id;

  TensionStatus(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<TensionStatus> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
  }
}
