package org.fabrique.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.diff.align.ColumnMatching;
import org.fabrique.diff.align.ColumnMatching.Pair;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.profile.ValueType;
import org.fabrique.diff.report.ColumnChange;
import org.fabrique.diff.report.DetectedIntervention;

/** Columns added, removed, renamed, moved and retyped. */
final class StructureChanges {
  final List<ColumnChange> changes = new ArrayList<>();
  final List<DetectedIntervention> interventions = new ArrayList<>();

  StructureChanges(
      ColumnMatching matching,
      List<String> oldHeader,
      List<String> newHeader,
      List<ColumnProfile> oldProfiles,
      List<ColumnProfile> newProfiles) {
    for (int index : matching.removed()) {
      String name = oldHeader.get(index);
      changes.add(
          new ColumnChange(
              "removed", Optional.of(name), Optional.empty(), "was column " + (index + 1), 1));
      interventions.add(
          new DetectedIntervention(
              "column-removed",
              List.of(name),
              Map.of("position", index + 1),
              1,
              "Column " + name + " was removed.",
              "La colonne " + name + " a été supprimée.",
              List.of()));
    }
    for (int index : matching.added()) {
      String name = newHeader.get(index);
      changes.add(
          new ColumnChange(
              "added", Optional.empty(), Optional.of(name), "is column " + (index + 1), 1));
      interventions.add(
          new DetectedIntervention(
              "column-added",
              List.of(name),
              Map.of("position", index + 1),
              1,
              "Column " + name + " was added.",
              "La colonne " + name + " a été ajoutée.",
              List.of()));
    }
    for (Pair pair : matching.pairs()) {
      if (pair.how() == ColumnMatching.How.CONTENT) {
        changes.add(
            new ColumnChange(
                "renamed",
                Optional.of(pair.oldName()),
                Optional.of(pair.newName()),
                "matched by content",
                pair.confidence()));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", pair.oldName());
        parameters.put("to", pair.newName());
        interventions.add(
            new DetectedIntervention(
                "column-renamed",
                List.of(pair.newName()),
                parameters,
                pair.confidence(),
                "Column " + pair.oldName() + " was renamed " + pair.newName() + ".",
                "La colonne " + pair.oldName() + " a été renommée " + pair.newName() + ".",
                List.of()));
      }
    }
    reordered(matching.pairs());
    for (Pair pair : matching.pairs()) {
      ValueType before = oldProfiles.get(pair.oldIndex()).type();
      ValueType after = newProfiles.get(pair.newIndex()).type();
      if (before != after && before != ValueType.EMPTY && after != ValueType.EMPTY) {
        changes.add(
            new ColumnChange(
                "type-change",
                Optional.of(pair.oldName()),
                Optional.of(pair.newName()),
                before.label() + " → " + after.label(),
                1));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", before.label());
        parameters.put("to", after.label());
        interventions.add(
            new DetectedIntervention(
                "type-change",
                List.of(pair.newName()),
                parameters,
                1,
                "Column "
                    + pair.newName()
                    + " changed type from "
                    + before.label()
                    + " to "
                    + after.label()
                    + ".",
                "La colonne "
                    + pair.newName()
                    + " est passée du type "
                    + before.label()
                    + " au type "
                    + after.label()
                    + ".",
                List.of()));
      }
    }
  }

  /**
   * The columns that moved: those outside the longest run of shared columns that kept their
   * relative order.
   */
  private void reordered(List<Pair> pairs) {
    int size = pairs.size();
    int[] length = new int[size];
    int[] previous = new int[size];
    int bestEnd = -1;
    for (int i = 0; i < size; i++) {
      length[i] = 1;
      previous[i] = -1;
      for (int j = 0; j < i; j++) {
        if (pairs.get(j).oldIndex() < pairs.get(i).oldIndex() && length[j] + 1 > length[i]) {
          length[i] = length[j] + 1;
          previous[i] = j;
        }
      }
      if (bestEnd < 0 || length[i] > length[bestEnd]) {
        bestEnd = i;
      }
    }
    boolean[] stayed = new boolean[size];
    for (int i = bestEnd; i >= 0; i = previous[i]) {
      stayed[i] = true;
    }
    List<Pair> byOld = new ArrayList<>(pairs);
    byOld.sort((a, b) -> Integer.compare(a.oldIndex(), b.oldIndex()));
    for (int i = 0; i < size; i++) {
      if (!stayed[i]) {
        Pair pair = pairs.get(i);
        changes.add(
            new ColumnChange(
                "reordered",
                Optional.of(pair.oldName()),
                Optional.of(pair.newName()),
                "position " + (byOld.indexOf(pair) + 1) + " → " + (i + 1) + " among shared columns",
                1));
      }
    }
  }
}
