package org.fabrique.diff.report;

import java.util.List;
import java.util.Optional;

/**
 * One line of the overview's column table: what became of a column.
 *
 * @param change {@code kept} (same name, no cell edited), {@code transformed} (same name, values
 *     changed by an intervention), {@code edited} (same name, cells edited that no intervention
 *     explains), {@code renamed}, {@code renamed-transformed}, {@code renamed-edited}, {@code
 *     removed}, {@code added}, {@code split} or {@code merged}
 * @param interventions the types of the interventions found on the column
 */
public record ColumnOverview(
    Optional<String> oldName, Optional<String> newName, String change, List<String> interventions) {

  public ColumnOverview {
    interventions = List.copyOf(interventions);
  }
}
