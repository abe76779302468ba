package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fabrique.diff.read.ValueSyntax;

/**
 * What happened to one matched column over the paired rows, accumulated cell by cell in bounded
 * memory: edit counts, the old→new code pairs of low-cardinality columns, the generalisation rules
 * each edit satisfies, numeric differences and the consistency of replacements.
 */
public final class ColumnComparison {
  /** Distinct (old, new) pairs tracked before the mapping is given up as too large. */
  public static final int PAIR_LIMIT = 20_000;

  private static final int REPLACEMENT_LIMIT = 50_000;
  private static final int SAMPLE_LIMIT = 8;

  private final String oldName;
  private final String newName;
  long edited;
  long evaluated;
  long blanked;
  long filled;
  long valueChanges;
  long related;
  final Map<String, Long> masks = new TreeMap<>();
  final EnumMap<GeneralisationRule, Long> ruleHits = new EnumMap<>(GeneralisationRule.class);
  final Map<Integer, Long> truncatedLengths = new TreeMap<>();
  final Map<Integer, Long> roundingSteps = new TreeMap<>();
  final Map<Integer, Long> maskedKept = new TreeMap<>();
  final Map<String, Long> bandLabels = new TreeMap<>();
  final List<Double> blankedNumbers = new ArrayList<>();
  long numericPairs;
  double sumDifference;
  double sumAbsoluteDifference;
  double maxAbsoluteDifference;
  double maxRelativeDifference;
  final LongLongMap codePairs = new LongLongMap();
  boolean codePairsOverflowed;
  private final LongLongMap forward = new LongLongMap();
  private final LongLongMap backward = new LongLongMap();
  long forwardConflicts;
  long backwardConflicts;
  long replacementsChecked;
  final List<Sample> samples = new ArrayList<>();

  /** One edited cell: the old row's ordinal, and the values when known. */
  public record Sample(int oldOrdinal, String oldValue, String newValue) {}

  public ColumnComparison(String oldName, String newName) {
    this.oldName = oldName;
    this.newName = newName;
  }

  public String oldName() {
    return oldName;
  }

  public String newName() {
    return newName;
  }

  public long edited() {
    return edited;
  }

  public List<Sample> samples() {
    return samples;
  }

  /**
   * Records an edited cell.
   *
   * @param oldCode the old value's dictionary code, or -1 when the column overflowed
   * @param oldHash a fingerprint of the old value
   * @param oldValue the old value, or null when it is not known at this stage
   * @param newCode the new value's dictionary code, or -1
   */
  public void edit(
      int oldOrdinal,
      int oldCode,
      long oldHash,
      String oldValue,
      int newCode,
      long newHash,
      String newValue) {
    edited++;
    if (samples.size() < SAMPLE_LIMIT) {
      samples.add(new Sample(oldOrdinal, oldValue, newValue));
    }
    if (oldCode >= 0 && newCode >= 0 && !codePairsOverflowed) {
      long pair = ((long) oldCode << 32) | (newCode & 0xFFFFFFFFL);
      if (codePairs.size() < PAIR_LIMIT) {
        codePairs.add(pair, 1);
      } else {
        codePairsOverflowed = true;
        codePairs.clear();
      }
    }
    checkReplacement(oldHash, newHash);
    if (oldValue != null) {
      evaluate(oldValue, newValue);
    }
  }

  private void checkReplacement(long oldHash, long newHash) {
    if (replacementsChecked >= REPLACEMENT_LIMIT) {
      return;
    }
    replacementsChecked++;
    if (forward.putIfAbsent(oldHash, newHash) != newHash) {
      forwardConflicts++;
    }
    if (backward.putIfAbsent(newHash, oldHash) != oldHash) {
      backwardConflicts++;
    }
  }

  private void evaluate(String oldValue, String newValue) {
    evaluated++;
    boolean oldBlank = ValueSyntax.isBlank(oldValue);
    boolean newMasked = ValueShapes.isMask(newValue);
    if (!oldBlank && newMasked && !ValueShapes.isMask(oldValue)) {
      blanked++;
      masks.merge(newValue.strip(), 1L, Long::sum);
      if (ValueSyntax.isNumber(oldValue) && blankedNumbers.size() < 10_000) {
        blankedNumbers.add(Double.parseDouble(oldValue));
      }
      return;
    }
    if (oldBlank) {
      filled++;
      return;
    }
    valueChanges++;
    if (ValueShapes.related(oldValue, newValue)) {
      related++;
    }
    for (GeneralisationRule rule : GeneralisationRule.values()) {
      if (rule.explains(oldValue, newValue)) {
        ruleHits.merge(rule, 1L, Long::sum);
        switch (rule) {
          case STRING_TRUNCATED -> truncatedLengths.merge(newValue.length(), 1L, Long::sum);
          case NUMBER_ROUNDED_DOWN ->
              roundingSteps.merge(GeneralisationRule.step(oldValue, newValue), 1L, Long::sum);
          case STRING_SUFFIX_MASKED ->
              maskedKept.merge(ValueShapes.maskedSuffixKept(oldValue, newValue), 1L, Long::sum);
          case NUMBER_TO_BAND -> {
            if (bandLabels.size() < 100) {
              bandLabels.merge(newValue, 1L, Long::sum);
            }
          }
          default -> {}
        }
      }
    }
    if (ValueShapes.bothNumbers(oldValue, newValue)) {
      double old = Double.parseDouble(oldValue);
      double difference = Double.parseDouble(newValue) - old;
      numericPairs++;
      sumDifference += difference;
      sumAbsoluteDifference += Math.abs(difference);
      maxAbsoluteDifference = Math.max(maxAbsoluteDifference, Math.abs(difference));
      if (old != 0) {
        maxRelativeDifference = Math.max(maxRelativeDifference, Math.abs(difference / old));
      }
    }
  }
}
