package org.fabrique.core.journey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The four dimensions along which a choice shapes data. Ids are stable and used in files, URLs and
 * exports.
 */
public enum Dimension {
  NATURE("nature"),
  KNOWLEDGE("knowledge"),
  USES("uses"),
  REGULATION("regulation");

  private final String id;

  Dimension(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Dimension> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
  }
}
