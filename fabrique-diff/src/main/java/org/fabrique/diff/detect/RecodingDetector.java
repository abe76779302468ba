package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fabrique.diff.report.DetectedIntervention;

/**
 * Recognises categories recoded by a mapping table: each old value always becomes the same new
 * value. Tells a one-to-one relabelling from a many-to-one merge of categories.
 */
public final class RecodingDetector {
  private static final int CATEGORY_LIMIT = 1_000;
  private static final int MINIMUM_EDITS = 3;

  private RecodingDetector() {}

  public static Optional<DetectedIntervention> detect(ColumnEvidence evidence) {
    long distinct = evidence.oldProfile().distinct();
    if (distinct > 0.5 * evidence.oldProfile().nonBlank()
        || evidence.comparison().edited() < MINIMUM_EDITS) {
      return Optional.empty(); // free text or identifiers, or too few edits to speak of a mapping
    }
    Optional<List<CodeMapping.Fate>> mapping = CodeMapping.of(evidence);
    if (mapping.isEmpty() || mapping.get().isEmpty() || mapping.get().size() > CATEGORY_LIMIT) {
      return Optional.empty();
    }
    long total = 0;
    long dominant = 0;
    List<Map<String, Object>> changes = new ArrayList<>();
    Map<String, List<String>> sources = new TreeMap<>();
    for (CodeMapping.Fate fate : mapping.get()) {
      long unmasked = fate.total() - fate.masked();
      if (unmasked == 0) {
        continue;
      }
      String target = fate.oldValue();
      long targetCount = fate.kept();
      for (Map.Entry<String, Long> replacement : fate.replacements().entrySet()) {
        if (!ValueShapes.isMask(replacement.getKey()) && replacement.getValue() > targetCount) {
          target = replacement.getKey();
          targetCount = replacement.getValue();
        }
      }
      total += unmasked;
      dominant += targetCount;
      sources.computeIfAbsent(target, key -> new ArrayList<>()).add(fate.oldValue());
      if (!target.equals(fate.oldValue())) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("old", fate.oldValue());
        change.put("new", target);
        change.put("rows", targetCount);
        changes.add(change);
      }
    }
    double functional = total == 0 ? 0 : dominant / (double) total;
    if (changes.isEmpty() || functional < 0.95) {
      return Optional.empty();
    }
    Map<String, List<String>> merges = new TreeMap<>();
    sources.forEach(
        (target, olds) -> {
          if (olds.size() > 1) {
            merges.put(target, olds.stream().sorted().toList());
          }
        });
    changes.sort((a, b) -> String.valueOf(a.get("old")).compareTo(String.valueOf(b.get("old"))));
    String kind = merges.isEmpty() ? "relabelling" : "merge";
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("kind", kind);
    parameters.put("mapping", changes);
    if (!merges.isEmpty()) {
      parameters.put("merged", merges);
    }
    parameters.put("categoriesBefore", mapping.get().size());
    parameters.put("categoriesAfter", sources.size());
    String column = evidence.column();
    String en;
    String fr;
    if (merges.isEmpty()) {
      en =
          changes.size()
              + " categories of "
              + column
              + " were relabelled one-to-one ("
              + preview(changes)
              + ").";
      fr =
          changes.size()
              + " modalités de "
              + column
              + " ont été renommées une à une ("
              + preview(changes)
              + ").";
    } else {
      en =
          "Categories of "
              + column
              + " were merged: "
              + mapping.get().size()
              + " became "
              + sources.size()
              + " ("
              + preview(changes)
              + ").";
      fr =
          "Des modalités de "
              + column
              + " ont été regroupées : "
              + mapping.get().size()
              + " sont devenues "
              + sources.size()
              + " ("
              + preview(changes)
              + ").";
    }
    return Optional.of(
        new DetectedIntervention(
            "recoding",
            List.of(column),
            parameters,
            Figures.round(functional, 3),
            en,
            fr,
            Samples.pairs(evidence.comparison(), 3)));
  }

  private static String preview(List<Map<String, Object>> changes) {
    List<String> parts = new ArrayList<>();
    for (Map<String, Object> change : changes.subList(0, Math.min(4, changes.size()))) {
      parts.add(change.get("old") + " → " + change.get("new"));
    }
    return String.join(", ", parts) + (changes.size() > 4 ? ", …" : "");
  }
}
