package org.fabrique.web.journey;

import java.util.Map;

/**
 * Maps the type ids of the dataset diff's detected interventions to terms of the {@code
 * intervention-types} vocabulary. A detected change with no matching term becomes {@code other}.
 * These are suggestions: the comparison page lets the researcher choose another type for each
 * change before the drafts are created.
 */
public final class DiffInterventionTypes {
  /** The vocabulary term for changes the vocabulary has no word for. */
  public static final String OTHER = "other";

  private static final Map<String, String> TERMS =
      Map.ofEntries(
          Map.entry("recoding", "recoding"),
          Map.entry("generalisation", "generalisation"),
          Map.entry("pseudonymisation", "pseudonymisation"),
          Map.entry("suppression", "small-cell-suppression"),
          Map.entry("noise", "noise-addition"),
          // Top and bottom coding generalise the extremes; a date shift perturbs dates as noise
          // does;
          // a change of unit or of how values are written brings them to a common form.
          Map.entry("top-coding", "generalisation"),
          Map.entry("bottom-coding", "generalisation"),
          Map.entry("date-shift", "noise-addition"),
          Map.entry("unit-conversion", "harmonisation"),
          Map.entry("format-change", "harmonisation"),
          Map.entry("row-filter", "selection"),
          Map.entry("rows-added", "extraction"),
          Map.entry("column-added", "feature-engineering"),
          Map.entry("column-split", "feature-engineering"),
          Map.entry("column-merge", "feature-engineering"),
          Map.entry("column-removed", "other"),
          Map.entry("column-renamed", "harmonisation"),
          Map.entry("type-change", "harmonisation"));

  private DiffInterventionTypes() {}

  /**
   * What a column renamed and transformed underwent (the rename's {@code transformation}), as the
   * type of that one act: the rename of an identifier that was pseudonymised is a pseudonymisation,
   * not a harmonisation.
   */
  private static final Map<String, String> TRANSFORMATIONS =
      Map.ofEntries(
          Map.entry("pseudonymised", "pseudonymisation"),
          Map.entry("recoded", "recoding"),
          Map.entry("generalised", "generalisation"),
          Map.entry("top-coded", "generalisation"),
          Map.entry("bottom-coded", "generalisation"),
          Map.entry("date-shifted", "noise-addition"),
          Map.entry("converted", "harmonisation"),
          Map.entry("reformatted", "harmonisation"));

  /** The intervention type for a detected change's type id. */
  public static String interventionType(String diffType) {
    return TERMS.getOrDefault(diffType == null ? "" : diffType.strip(), OTHER);
  }

  /**
   * The intervention type for a detected change, told by what was done to a column renamed and
   * transformed when the change is such a rename.
   *
   * @param transformation the change's {@code transformation} parameter, or null
   */
  public static String interventionType(String diffType, Object transformation) {
    if ("column-renamed".equals(diffType)
        && transformation instanceof String kind
        && TRANSFORMATIONS.containsKey(kind)) {
      return TRANSFORMATIONS.get(kind);
    }
    return interventionType(diffType);
  }
}
