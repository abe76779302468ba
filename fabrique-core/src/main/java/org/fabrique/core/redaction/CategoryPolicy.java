package org.fabrique.core.redaction;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How the researcher wants one category of values replaced in an inquiry.
 *
 * @param prefix the start of generated pseudonyms ("Person" gives "Person 1", "Informant" gives
 *     "Informant 1")
 * @param granularity how far a generalisation goes
 */
public record CategoryPolicy(
    IdentifierCategory category, ReplacementKind kind, String prefix, Granularity granularity) {

  /** How coarse a generalised value is. */
  public enum Granularity {
    /** A date becomes its month and year. */
    MONTH("month"),
    /** A date becomes its year. */
    YEAR("year"),
    /** An age becomes its band (90 or more). */
    BAND("band"),
    /** A French town becomes its département. */
    DEPARTEMENT("departement"),
    /** A French town becomes its région. */
    REGION("region");

    private final String id;

    Granularity(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Optional<Granularity> fromId(String id) {
      return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }
  }

  public CategoryPolicy {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(granularity, "granularity");
    prefix = prefix == null || prefix.isBlank() ? defaultPrefix(category) : prefix.strip();
  }

  /** What Fabrique does for a category until the researcher chooses. */
  public static CategoryPolicy defaultFor(IdentifierCategory category) {
    return new CategoryPolicy(
        category, category.defaultKind(), defaultPrefix(category), defaultGranularity(category));
  }

  public static Granularity defaultGranularity(IdentifierCategory category) {
    return switch (category) {
      case DATE -> Granularity.MONTH;
      case AGE -> Granularity.BAND;
      case PLACE -> Granularity.DEPARTEMENT;
      default -> Granularity.MONTH;
    };
  }

  private static String defaultPrefix(IdentifierCategory category) {
    return switch (category) {
      case PERSON -> "Person";
      case PLACE -> "Place";
      case HOSPITAL -> "Hospital";
      case ORGANISATION -> "Organisation";
      case ADDRESS -> "Address";
      default ->
          category.name().charAt(0)
              + category.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    };
  }
}
