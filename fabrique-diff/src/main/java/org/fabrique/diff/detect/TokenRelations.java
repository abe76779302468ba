package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.diff.detect.ColumnRelations.Relation;
import org.fabrique.diff.read.ValueSyntax;

/**
 * Relations between columns of text ({@link ColumnRelations}): a prefix or a suffix kept (the rest
 * dropped or masked), and one-to-one mappings of values — a pseudonymisation when the new values
 * are unrelated tokens, a relabelling otherwise.
 */
final class TokenRelations {
  private TokenRelations() {}

  /** A prefix or suffix of fixed length kept, or a prefix kept and the rest masked. */
  static void kept(List<Relation> found, List<String> a, List<String> b) {
    Map<Integer, Integer> prefix = new HashMap<>();
    Map<Integer, Integer> suffix = new HashMap<>();
    Map<Integer, Integer> masked = new HashMap<>();
    for (int row = 0; row < a.size(); row++) {
      String before = a.get(row);
      String after = b.get(row);
      if (after.isEmpty() || after.length() >= before.length()) {
        int kept = after.isEmpty() ? -1 : ValueShapes.maskedSuffixKept(before, after);
        if (kept > 0) {
          masked.merge(kept, 1, Integer::sum);
        }
        continue;
      }
      if (before.startsWith(after)) {
        prefix.merge(after.length(), 1, Integer::sum);
      }
      if (before.endsWith(after)) {
        suffix.merge(after.length(), 1, Integer::sum);
      }
    }
    for (Map.Entry<Integer, Integer> entry : prefix.entrySet()) {
      int length = entry.getKey();
      ColumnRelations.rule(
          found,
          "prefix",
          "generalised",
          Map.of("keptCharacters", length),
          a,
          b,
          (before, after) ->
              after.length() == length
                  && before.length() > length
                  && before.startsWith(after)
                  && !ValueSyntax.isIsoDate(before));
    }
    for (Map.Entry<Integer, Integer> entry : suffix.entrySet()) {
      int length = entry.getKey();
      ColumnRelations.rule(
          found,
          "suffix",
          "generalised",
          Map.of("keptCharacters", length),
          a,
          b,
          (before, after) ->
              after.length() == length && before.length() > length && before.endsWith(after));
    }
    for (Map.Entry<Integer, Integer> entry : masked.entrySet()) {
      int length = entry.getKey();
      ColumnRelations.rule(
          found,
          "prefix-rest-masked",
          "generalised",
          Map.of("keptCharacters", length),
          a,
          b,
          (before, after) -> ValueShapes.maskedSuffixKept(before, after) == length);
    }
  }

  /**
   * Each old value always became the same new one and no two old values the same new one: a
   * pseudonymisation when the new values are many and unrelated tokens, a relabelling otherwise.
   */
  static void mapping(List<Relation> found, List<String> a, List<String> b) {
    Map<String, Map<String, Integer>> forward = new HashMap<>();
    Map<String, Map<String, Integer>> backward = new HashMap<>();
    for (int row = 0; row < a.size(); row++) {
      forward.computeIfAbsent(a.get(row), k -> new HashMap<>()).merge(b.get(row), 1, Integer::sum);
      backward.computeIfAbsent(b.get(row), k -> new HashMap<>()).merge(a.get(row), 1, Integer::sum);
    }
    if (forward.size() < 2 || backward.size() < 2) {
      return;
    }
    Map<String, String> to = majority(forward);
    Map<String, String> from = majority(backward);
    int hits = 0;
    int same = 0;
    List<List<String>> examples = new ArrayList<>();
    for (int row = 0; row < a.size(); row++) {
      String before = a.get(row);
      String after = b.get(row);
      if (after.equals(to.get(before)) && before.equals(from.get(after))) {
        hits++;
        same += before.equals(after) ? 1 : 0;
        ColumnRelations.example(examples, before, after);
      }
    }
    boolean tokens =
        forward.size() >= 20 && same <= 0.01 * a.size() && tokenLike(backward.keySet());
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("distinctValues", forward.size());
    found.add(
        new Relation(
            tokens ? "one-to-one-tokens" : "one-to-one-relabelling",
            tokens ? "pseudonymised" : "recoded",
            parameters,
            hits / (double) a.size(),
            a.size(),
            examples));
  }

  /** Tokens all of one length and of letters and digits only. */
  private static boolean tokenLike(java.util.Set<String> values) {
    int length = -1;
    for (String value : values) {
      if (value.isEmpty()) {
        continue;
      }
      if (length >= 0 && value.length() != length) {
        return false;
      }
      length = value.length();
      for (int index = 0; index < value.length(); index++) {
        char c = value.charAt(index);
        if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
          return false;
        }
      }
    }
    return length >= 6;
  }

  private static Map<String, String> majority(Map<String, Map<String, Integer>> counts) {
    Map<String, String> best = new HashMap<>();
    counts.forEach(
        (value, targets) ->
            best.put(
                value,
                targets.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey()));
    return best;
  }
}
