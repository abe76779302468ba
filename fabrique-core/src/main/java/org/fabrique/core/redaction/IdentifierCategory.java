package org.fabrique.core.redaction;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of identifier a passage is. Ids are stable and used in the database, files and URLs;
 * the label is what a category-label replacement writes ({@code [HOSPITAL]}).
 */
public enum IdentifierCategory {
  PERSON("person", ReplacementKind.PSEUDONYM),
  PLACE("place", ReplacementKind.GENERALISATION),
  HOSPITAL("hospital", ReplacementKind.LABEL),
  ORGANISATION("organisation", ReplacementKind.LABEL),
  DATE("date", ReplacementKind.GENERALISATION),
  AGE("age", ReplacementKind.GENERALISATION),
  PHONE("phone", ReplacementKind.LABEL),
  EMAIL("email", ReplacementKind.LABEL),
  ADDRESS("address", ReplacementKind.LABEL),
  NIR("nir", ReplacementKind.LABEL),
  IBAN("iban", ReplacementKind.LABEL),
  URL("url", ReplacementKind.LABEL);

  private final String id;
  private final ReplacementKind defaultKind;

  IdentifierCategory(String id, ReplacementKind defaultKind) {
    this.id = id;
    this.defaultKind = defaultKind;
  }

  public String id() {
    return id;
  }

  /** The category label written in place of a value, e.g. {@code [HOSPITAL]}. */
  public String label() {
    return "[" + name() + "]";
  }

  /** How values of this category are replaced unless the researcher chose otherwise. */
  public ReplacementKind defaultKind() {
    return defaultKind;
  }

  /** Whether values of this category can be generalised (date, age, place) rather than labelled. */
  public boolean generalisable() {
    return this == DATE || this == AGE || this == PLACE;
  }

  public static Optional<IdentifierCategory> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst();
  }
}
