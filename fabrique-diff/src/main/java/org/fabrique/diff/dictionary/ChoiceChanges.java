package org.fabrique.diff.dictionary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two choice lists: categories added, removed, relabelled (same code, new label), recoded
 * (same label, new code) and merged (several old categories now covered by one).
 */
final class ChoiceChanges {
  private ChoiceChanges() {}

  static Optional<Map<String, Object>> compare(
      List<AllowedValue> before, List<AllowedValue> after) {
    Map<String, String> old = new LinkedHashMap<>();
    before.forEach(choice -> old.put(choice.code(), choice.label()));
    Map<String, String> current = new LinkedHashMap<>();
    after.forEach(choice -> current.put(choice.code(), choice.label()));
    if (old.equals(current)) {
      return Optional.empty();
    }
    List<String> relabelled = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> recoded = new ArrayList<>();
    old.forEach(
        (code, label) -> {
          if (current.containsKey(code)) {
            if (!current.get(code).equals(label)) {
              relabelled.add(code + ": " + label + " → " + current.get(code));
            }
          } else {
            Optional<String> sameLabel =
                current.entrySet().stream()
                    .filter(
                        entry ->
                            !old.containsKey(entry.getKey())
                                && normalised(entry.getValue()).equals(normalised(label)))
                    .map(Map.Entry::getKey)
                    .findFirst();
            if (sameLabel.isPresent()) {
              recoded.add(label + ": " + code + " → " + sameLabel.get());
            } else {
              removed.add(code + ", " + label);
            }
          }
        });
    current.forEach(
        (code, label) -> {
          boolean isRecodeTarget = recoded.stream().anyMatch(entry -> entry.endsWith("→ " + code));
          if (!old.containsKey(code) && !isRecodeTarget) {
            added.add(code + ", " + label);
          }
        });
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put(
        "before", before.stream().map(choice -> choice.code() + ", " + choice.label()).toList());
    parameters.put(
        "after", after.stream().map(choice -> choice.code() + ", " + choice.label()).toList());
    put(parameters, "added", added);
    put(parameters, "removed", removed);
    put(parameters, "relabelled", relabelled);
    put(parameters, "recoded", recoded);
    boolean merged =
        removed.size() >= 1
            && after.size() < before.size()
            && (added.size() + relabelled.size()) >= 1;
    if (merged) {
      parameters.put("merged", true);
    }
    return Optional.of(parameters);
  }

  private static void put(Map<String, Object> parameters, String name, List<String> values) {
    if (!values.isEmpty()) {
      parameters.put(name, values);
    }
  }

  private static String normalised(String label) {
    return label.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
