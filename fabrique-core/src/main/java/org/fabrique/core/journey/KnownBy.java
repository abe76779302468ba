package org.fabrique.core.journey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a journey element became known to the researcher. Ids are stable and used in files, URLs and
 * exports.
 */
public enum KnownBy {
  OBSERVED("observed"),
  DECLARED("declared"),
  RECONSTRUCTED("reconstructed"),
  DISPUTED("disputed");

  private final String id;

  KnownBy(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<KnownBy> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
  }
}
