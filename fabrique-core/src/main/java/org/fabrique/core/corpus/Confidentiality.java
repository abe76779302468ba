package org.fabrique.core.corpus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How confidential a piece of material is, from least to most. */
public enum Confidentiality {
  PUBLIC("public"),
  INTERNAL("internal"),
  CONFIDENTIAL("confidential"),
  SECRET("secret");

  private final String id;

  Confidentiality(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Confidentiality> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst();
  }
}
