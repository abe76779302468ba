package org.fabrique.web.journey;

import java.util.Map;
import org.fabrique.diff.detect.ColumnRelations;

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
          // Top and bottom coding generalise the extremes, a date shift perturbs dates as noise
          // does, and a change of unit or of how values are written brings them to a common form.
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

  /** The intervention type for a detected change's type id. */
  public static String interventionType(String diffType) {
    return TERMS.getOrDefault(diffType == null ? "" : diffType.strip(), OTHER);
  }

  /**
   * The intervention type for a detected change. A column renamed and transformed is one act, the
   * one its transformation names (as the diff names it: renamed and pseudonymised is a
   * pseudonymisation, not a harmonisation).
   *
   * @param transformation the change's {@code transformation} parameter, or null
   */
  public static String interventionType(String diffType, Object transformation) {
    if ("column-renamed".equals(diffType) && transformation instanceof String kind) {
      return interventionType(ColumnRelations.interventionType(kind));
    }
    return interventionType(diffType);
  }
}
