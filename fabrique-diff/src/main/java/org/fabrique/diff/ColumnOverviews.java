package org.fabrique.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.fabrique.diff.align.ColumnMatching;
import org.fabrique.diff.align.ColumnMatching.Pair;
import org.fabrique.diff.detect.ColumnRelations;
import org.fabrique.diff.report.ColumnOverview;
import org.fabrique.diff.report.DetectedIntervention;

/** What became of each column: the overview's table of columns. */
final class ColumnOverviews {
  private ColumnOverviews() {}

  /** Value-level and row-level types: what was done to a column's values. */
  private static final Set<String> STRUCTURAL =
      Set.of("column-renamed", "column-removed", "column-added", "column-split", "column-merge");

  /**
   * New columns in their order, then the removed ones. A column whose cells were edited is never
   * "kept": it is "transformed" when an intervention explains it, else "edited".
   *
   * @param edited the new columns of the pairs whose cells were edited
   */
  static List<ColumnOverview> of(
      List<String> oldHeader,
      List<String> newHeader,
      ColumnMatching matching,
      List<DetectedIntervention> interventions,
      Set<Integer> edited) {
    List<ColumnOverview> lines = new ArrayList<>();
    Map<Integer, Pair> pairOfNew = new HashMap<>();
    for (Pair pair : matching.pairs()) {
      pairOfNew.put(pair.newIndex(), pair);
    }
    for (ColumnMatching.Transformed found : matching.transformed()) {
      pairOfNew.putIfAbsent(found.pair().newIndex(), found.pair());
    }
    Map<Integer, ColumnRelations.Combination> partOf = new HashMap<>();
    for (ColumnRelations.Combination combination : matching.combinations()) {
      if (combination.split()) {
        combination.parts().forEach(part -> partOf.put(part, combination));
      } else {
        partOf.put(combination.whole(), combination);
      }
    }
    for (int column = 0; column < newHeader.size(); column++) {
      String name = newHeader.get(column);
      List<String> types = types(interventions, name);
      Pair pair = pairOfNew.get(column);
      ColumnRelations.Combination combination = partOf.get(column);
      if (pair != null) {
        boolean renamed = pair.how() != ColumnMatching.How.NAME;
        boolean transformed =
            pair.how() == ColumnMatching.How.TRANSFORMED
                || types.stream().anyMatch(type -> !type.equals("distribution-shift"));
        String values = transformed ? "transformed" : edited.contains(column) ? "edited" : "";
        lines.add(
            new ColumnOverview(
                Optional.of(pair.oldName()),
                Optional.of(name),
                renamed
                    ? values.isEmpty() ? "renamed" : "renamed-" + values
                    : values.isEmpty() ? "kept" : values,
                types));
      } else if (combination != null) {
        String parts =
            String.join(
                ", ",
                combination.parts().stream()
                    .map(index -> (combination.split() ? newHeader : oldHeader).get(index))
                    .toList());
        lines.add(
            new ColumnOverview(
                Optional.of(combination.split() ? oldHeader.get(combination.whole()) : parts),
                Optional.of(name),
                combination.split() ? "split" : "merged",
                types));
      } else {
        lines.add(new ColumnOverview(Optional.empty(), Optional.of(name), "added", types));
      }
    }
    for (int column : matching.removed()) {
      lines.add(
          new ColumnOverview(
              Optional.of(oldHeader.get(column)), Optional.empty(), "removed", List.of()));
    }
    return lines;
  }

  /**
   * The types of the interventions on a column's values; a column renamed and transformed counts
   * what was done to its values (its rename names it: "pseudonymised" is a pseudonymisation).
   */
  private static List<String> types(List<DetectedIntervention> interventions, String column) {
    return interventions.stream()
        .filter(found -> found.columns().contains(column))
        .flatMap(
            found ->
                !STRUCTURAL.contains(found.type())
                    ? Stream.of(found.type())
                    : found.type().equals("column-renamed")
                            && found.parameters().get("transformation") instanceof String kind
                        ? Stream.of(ColumnRelations.interventionType(kind))
                        : Stream.empty())
        .distinct()
        .toList();
  }
}
