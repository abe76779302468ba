package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.profile.ValueType;

/**
 * For a low-cardinality column, where the paired rows holding each old value went: how many kept
 * it, and how many got each new value.
 */
final class CodeMapping {
  /** Where the rows holding one old value went. */
  record Fate(String oldValue, long oldFrequency, long kept, Map<String, Long> replacements) {
    long total() {
      return kept + replacements.values().stream().mapToLong(Long::longValue).sum();
    }

    long masked() {
      return replacements.entrySet().stream()
          .filter(entry -> ValueShapes.isMask(entry.getKey()))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
  }

  private CodeMapping() {}

  static Optional<List<Fate>> of(ColumnEvidence evidence) {
    ColumnComparison comparison = evidence.comparison();
    ColumnProfile oldProfile = evidence.oldProfile();
    ColumnProfile newProfile = evidence.newProfile();
    long[] kept = evidence.keptByOldCode();
    if (comparison.codePairsOverflowed || oldProfile.overflowed() || kept.length == 0) {
      return Optional.empty();
    }
    Map<Integer, Map<String, Long>> replacements = new HashMap<>();
    Map<Integer, Long> changedOut = new HashMap<>();
    comparison.codePairs.forEach(
        (pair, count) -> {
          int oldCode = (int) (pair >>> 32);
          int newCode = (int) (long) pair;
          replacements
              .computeIfAbsent(oldCode, code -> new HashMap<>())
              .merge(newProfile.value(newCode), count, Long::sum);
          changedOut.merge(oldCode, count, Long::sum);
        });
    List<Fate> fates = new ArrayList<>();
    for (int code = 0; code < oldProfile.dictionarySize() && code < kept.length; code++) {
      if (oldProfile.type(code) == ValueType.EMPTY || kept[code] == 0) {
        continue;
      }
      long identity = Math.max(0, kept[code] - changedOut.getOrDefault(code, 0L));
      fates.add(
          new Fate(
              oldProfile.value(code),
              oldProfile.countOf(code),
              identity,
              replacements.getOrDefault(code, Map.of())));
    }
    return Optional.of(fates);
  }
}
