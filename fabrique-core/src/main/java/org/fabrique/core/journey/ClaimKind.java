package org.fabrique.core.journey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a knowledge claim says the data can or cannot deliver. Ids are stable and used in files,
 * URLs and exports.
 */
public enum ClaimKind {
  CAN_SUPPORT("can-support"),
  CANNOT_SUPPORT("cannot-support"),
  LIMIT("limit");

  private final String id;

  ClaimKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<ClaimKind> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
  }
}
