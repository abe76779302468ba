package org.fabrique.core.redaction;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a redacted value is written when text leaves the store. */
public enum ReplacementKind {
  /** One pseudonym per value across the inquiry ("Informant F3", "Person 2"). */
  PSEUDONYM("pseudonym"),
  /** The category label ({@code [HOSPITAL]}). */
  LABEL("label"),
  /** A coarser value: a date becomes its month or year, an age its band, a town its département. */
  GENERALISATION("generalisation");

  private final String id;

  ReplacementKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<ReplacementKind> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
  }
}
