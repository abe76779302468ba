package org.fabrique.diff.dictionary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Compares two data dictionaries variable by variable, matching renamed variables by content. */
public final class DictionaryComparer {
  private static final double RENAME_THRESHOLD = 0.6;

  private DictionaryComparer() {}

  public static List<DictionaryChange> compare(DataDictionary before, DataDictionary after) {
    Map<String, DictionaryVariable> old = byName(before);
    Map<String, DictionaryVariable> current = byName(after);
    List<DictionaryVariable> removed = new ArrayList<>();
    old.values()
        .forEach(
            variable -> {
              if (!current.containsKey(variable.name())) {
                removed.add(variable);
              }
            });
    List<DictionaryVariable> added = new ArrayList<>();
    current
        .values()
        .forEach(
            variable -> {
              if (!old.containsKey(variable.name())) {
                added.add(variable);
              }
            });
    List<DictionaryChange> changes = new ArrayList<>();
    Map<String, String> renames = renames(removed, added, changes);
    for (DictionaryVariable variable : removed) {
      if (!renames.containsKey(variable.name())) {
        changes.add(
            change(
                "variable-removed",
                variable.name(),
                Optional.empty(),
                "Variable " + variable.name() + " was removed.",
                Map.of("group", variable.group(), "type", variable.type())));
      }
    }
    Set<String> renamedTo = new HashSet<>(renames.values());
    for (DictionaryVariable variable : added) {
      if (!renamedTo.contains(variable.name())) {
        changes.add(
            change(
                "variable-added",
                variable.name(),
                Optional.empty(),
                "Variable " + variable.name() + " was added.",
                Map.of("group", variable.group(), "type", variable.type())));
      }
    }
    for (DictionaryVariable variable : current.values()) {
      DictionaryVariable previous = old.get(variable.name());
      if (previous == null) {
        previous =
            renames.entrySet().stream()
                .filter(entry -> entry.getValue().equals(variable.name()))
                .map(entry -> old.get(entry.getKey()))
                .findFirst()
                .orElse(null);
      }
      if (previous != null) {
        compareVariable(previous, variable, changes);
      }
    }
    return changes;
  }

  private static Map<String, DictionaryVariable> byName(DataDictionary dictionary) {
    Map<String, DictionaryVariable> variables = new LinkedHashMap<>();
    dictionary.variables().forEach(variable -> variables.put(variable.name(), variable));
    return variables;
  }

  private record Candidate(DictionaryVariable before, DictionaryVariable after, double score) {}

  private static Map<String, String> renames(
      List<DictionaryVariable> removed,
      List<DictionaryVariable> added,
      List<DictionaryChange> changes) {
    List<Candidate> candidates = new ArrayList<>();
    for (DictionaryVariable before : removed) {
      for (DictionaryVariable after : added) {
        double score = renameScore(before, after);
        if (score >= RENAME_THRESHOLD) {
          candidates.add(new Candidate(before, after, score));
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
    Map<String, String> renames = new TreeMap<>();
    Set<String> taken = new HashSet<>();
    for (Candidate candidate : candidates) {
      if (!renames.containsKey(candidate.before().name()) && taken.add(candidate.after().name())) {
        renames.put(candidate.before().name(), candidate.after().name());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", candidate.before().name());
        parameters.put("to", candidate.after().name());
        changes.add(
            new DictionaryChange(
                "variable-renamed",
                candidate.after().name(),
                Optional.of(candidate.before().name()),
                "Variable "
                    + candidate.before().name()
                    + " was renamed "
                    + candidate.after().name()
                    + ".",
                parameters,
                Math.round(candidate.score() * 100) / 100.0));
      }
    }
    return renames;
  }

  /** Same group, type and choices, a similar label, a similar name and position. */
  static double renameScore(DictionaryVariable before, DictionaryVariable after) {
    if (!before.group().equalsIgnoreCase(after.group())) {
      return 0;
    }
    double label = tokenSimilarity(before.label(), after.label());
    double type = before.type().equalsIgnoreCase(after.type()) ? 1 : 0;
    double choices = before.choices().equals(after.choices()) ? 1 : 0;
    double name = bigramSimilarity(localName(before.name()), localName(after.name()));
    double position = before.position() == after.position() ? 1 : 0;
    return 0.4 * label + 0.15 * type + 0.15 * choices + 0.2 * name + 0.1 * position;
  }

  private static String localName(String name) {
    return name.substring(name.indexOf('.') + 1);
  }

  static double tokenSimilarity(String first, String second) {
    Set<String> a =
        new HashSet<>(List.of(first.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    Set<String> b =
        new HashSet<>(List.of(second.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    a.remove("");
    b.remove("");
    if (a.isEmpty() && b.isEmpty()) {
      return first.isBlank() && second.isBlank() ? 0.5 : 0;
    }
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    a.retainAll(b);
    return a.size() / (double) union.size();
  }

  static double bigramSimilarity(String first, String second) {
    List<String> a = bigrams(first.toLowerCase(Locale.ROOT));
    List<String> b = bigrams(second.toLowerCase(Locale.ROOT));
    if (a.isEmpty() || b.isEmpty()) {
      return first.equalsIgnoreCase(second) ? 1 : 0;
    }
    List<String> remaining = new ArrayList<>(b);
    int shared = 0;
    for (String bigram : a) {
      if (remaining.remove(bigram)) {
        shared++;
      }
    }
    return 2.0 * shared / (a.size() + b.size());
  }

  private static List<String> bigrams(String text) {
    List<String> bigrams = new ArrayList<>();
    for (int index = 0; index + 2 <= text.length(); index++) {
      bigrams.add(text.substring(index, index + 2));
    }
    return bigrams;
  }

  private static void compareVariable(
      DictionaryVariable before, DictionaryVariable after, List<DictionaryChange> changes) {
    String name = after.name();
    if (!before.label().equals(after.label())) {
      changes.add(
          change(
              "relabelled",
              name,
              Optional.empty(),
              "The label of " + name + " changed.",
              Map.of("from", before.label(), "to", after.label())));
    }
    if (!before.type().equals(after.type())) {
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put("from", before.type());
      parameters.put("to", after.type());
      boolean spelling = before.type().equalsIgnoreCase(after.type());
      parameters.put("caseOnly", spelling);
      changes.add(
          change(
              "retyped",
              name,
              Optional.empty(),
              "The type of "
                  + name
                  + " changed from "
                  + before.type()
                  + " to "
                  + after.type()
                  + (spelling ? " (spelling only)." : "."),
              parameters));
    }
    ChoiceChanges.compare(before.choices(), after.choices())
        .ifPresent(
            parameters ->
                changes.add(
                    change(
                        "choices-changed",
                        name,
                        Optional.empty(),
                        "The allowed values of "
                            + name
                            + " changed"
                            + (parameters.containsKey("merged") ? " (categories merged)." : "."),
                        parameters)));
    if (before.identifier() != after.identifier()) {
      changes.add(
          change(
              "identifier-flag-changed",
              name,
              Optional.empty(),
              after.identifier()
                  ? name + " is now flagged as an identifier."
                  : name + " is no longer flagged as an identifier.",
              Map.of("from", before.identifier(), "to", after.identifier())));
    }
    if (before.required() != after.required()) {
      changes.add(
          change(
              "required-changed",
              name,
              Optional.empty(),
              after.required() ? name + " became required." : name + " is no longer required.",
              Map.of("from", before.required(), "to", after.required())));
    }
    if (!before.group().equals(after.group())) {
      changes.add(
          change(
              "moved",
              name,
              Optional.empty(),
              name + " moved from " + before.group() + " to " + after.group() + ".",
              Map.of("from", before.group(), "to", after.group())));
    }
    Set<String> attributes = new java.util.TreeSet<>(before.attributes().keySet());
    attributes.addAll(after.attributes().keySet());
    for (String attribute : attributes) {
      String from = before.attributes().getOrDefault(attribute, "");
      String to = after.attributes().getOrDefault(attribute, "");
      if (!Objects.equals(from, to)) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("attribute", attribute);
        parameters.put("from", from);
        parameters.put("to", to);
        changes.add(
            change(
                "attribute-changed",
                name,
                Optional.empty(),
                "The " + attribute + " of " + name + " changed.",
                parameters));
      }
    }
  }

  private static DictionaryChange change(
      String kind,
      String variable,
      Optional<String> oldName,
      String detail,
      Map<String, Object> parameters) {
    return new DictionaryChange(kind, variable, oldName, detail, parameters, 1);
  }
}
