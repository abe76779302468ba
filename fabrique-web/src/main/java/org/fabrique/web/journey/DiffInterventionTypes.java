package org.fabrique.web.journey;

import java.util.Map;

/**
 * Maps the type ids of the dataset diff's detected interventions to terms of the {@code
 * intervention-types} vocabulary. A detected change with no matching term becomes {@code other}.
 */
public final class DiffInterventionTypes {
  /** The vocabulary term for changes the vocabulary has no word for. */
  public static final String OTHER = "other";

  private static final Map<String, String> TERMS =
      Map.of(
          "recoding", "recoding",
          "generalisation", "generalisation",
          "pseudonymisation", "pseudonymisation",
          "suppression", "small-cell-suppression",
          "noise", "noise-addition",
          "row-filter", "selection",
          "column-added", "feature-engineering",
          "column-removed", "other",
          "column-renamed", "harmonisation",
          "type-change", "harmonisation");

  private DiffInterventionTypes() {}

  /** The intervention type for a detected change's type id. */
  public static String interventionType(String diffType) {
    return TERMS.getOrDefault(diffType == null ? "" : diffType.strip(), OTHER);
  }
}
