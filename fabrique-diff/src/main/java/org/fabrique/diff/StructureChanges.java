package org.fabrique.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.diff.align.ColumnMatching;
import org.fabrique.diff.align.ColumnMatching.Pair;
import org.fabrique.diff.detect.ColumnRelations;
import org.fabrique.diff.detect.Figures;
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
    for (ColumnMatching.Transformed found : matching.transformed()) {
      transformed(found);
    }
    for (ColumnRelations.Combination combination : matching.combinations()) {
      combined(combination, oldHeader, newHeader);
    }
    reordered(
        matching.pairs().stream()
            .filter(pair -> pair.how() != ColumnMatching.How.TRANSFORMED)
            .toList());
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
   * A column renamed and transformed: a column change, and one intervention, the rename naming what
   * was done (never a second, value-level one: one act, one intervention).
   */
  private void transformed(ColumnMatching.Transformed found) {
    Pair pair = found.pair();
    ColumnRelations.Relation relation = found.relation();
    String explainsEn =
        "explains "
            + Figures.percent(relation.share())
            + " of "
            + relation.rows()
            + " rows aligned on the first rows";
    String explainsFr =
        "explique "
            + Figures.pourcent(relation.share())
            + " des "
            + relation.rows()
            + " lignes alignées parmi les premières";
    changes.add(
        new ColumnChange(
            "renamed",
            Optional.of(pair.oldName()),
            Optional.of(pair.newName()),
            "renamed and " + relation.kindEn() + ": " + relation.ruleEn() + " (" + explainsEn + ")",
            Figures.round(relation.share(), 3)));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("from", pair.oldName());
    parameters.put("to", pair.newName());
    parameters.put("transformation", relation.kind());
    parameters.put("rule", relation.rule());
    parameters.putAll(relation.parameters());
    parameters.put("rowsExplainedShare", Figures.round(relation.share(), 4));
    parameters.put("alignedRows", relation.rows());
    interventions.add(
        new DetectedIntervention(
            "column-renamed",
            List.of(pair.newName()),
            parameters,
            Figures.round(relation.share(), 3),
            "Column "
                + pair.oldName()
                + " was renamed "
                + pair.newName()
                + " and "
                + relation.kindEn()
                + ": "
                + relation.ruleEn()
                + " ("
                + explainsEn
                + ").",
            "La colonne "
                + pair.oldName()
                + " a été renommée "
                + pair.newName()
                + " et "
                + relation.kindFr()
                + " : "
                + relation.ruleFr()
                + " ("
                + explainsFr
                + ").",
            relation.examples()));
  }

  private void combined(
      ColumnRelations.Combination combination, List<String> oldHeader, List<String> newHeader) {
    List<String> parts =
        combination.parts().stream()
            .map(index -> (combination.split() ? newHeader : oldHeader).get(index))
            .toList();
    String whole = (combination.split() ? oldHeader : newHeader).get(combination.whole());
    String separator =
        combination.separator().isEmpty() ? "nothing" : "'" + combination.separator() + "'";
    String separatorFr =
        combination.separator().isEmpty() ? "rien" : "« " + combination.separator() + " »";
    String share = Figures.percent(combination.share());
    String shareFr = Figures.pourcent(combination.share());
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put(combination.split() ? "from" : "into", whole);
    parameters.put(combination.split() ? "into" : "from", parts);
    parameters.put("separator", combination.separator());
    parameters.put("rowsExplainedShare", Figures.round(combination.share(), 4));
    parameters.put("alignedRows", combination.rows());
    String partsText = String.join(" and ", parts);
    String partsFr = String.join(" et ", parts);
    if (combination.split()) {
      changes.add(
          new ColumnChange(
              "split",
              Optional.of(whole),
              Optional.of(String.join(", ", parts)),
              "split in two at " + separator + " (" + share + " of aligned rows)",
              Figures.round(combination.share(), 3)));
      interventions.add(
          new DetectedIntervention(
              "column-split",
              parts,
              parameters,
              Figures.round(combination.share(), 3),
              "Column "
                  + whole
                  + " was split into "
                  + partsText
                  + " (separated by "
                  + separator
                  + "; explains "
                  + share
                  + " of aligned rows).",
              "La colonne "
                  + whole
                  + " a été scindée en "
                  + partsFr
                  + " (séparées par "
                  + separatorFr
                  + " ; explique "
                  + shareFr
                  + " des lignes alignées).",
              combination.examples()));
    } else {
      changes.add(
          new ColumnChange(
              "merged",
              Optional.of(String.join(", ", parts)),
              Optional.of(whole),
              "concatenated with " + separator + " between them (" + share + " of aligned rows)",
              Figures.round(combination.share(), 3)));
      interventions.add(
          new DetectedIntervention(
              "column-merge",
              List.of(whole),
              parameters,
              Figures.round(combination.share(), 3),
              "Columns "
                  + partsText
                  + " were concatenated into "
                  + whole
                  + " (separated by "
                  + separator
                  + "; explains "
                  + share
                  + " of aligned rows).",
              "Les colonnes "
                  + partsFr
                  + " ont été concaténées en "
                  + whole
                  + " (séparées par "
                  + separatorFr
                  + " ; explique "
                  + shareFr
                  + " des lignes alignées).",
              combination.examples()));
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
