package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.read.CellBatch;
import org.fabrique.diff.read.ValueSyntax;

/**
 * What happened to one matched column over the paired rows, accumulated cell by cell in bounded
 * memory: edit counts, the old→new code pairs of low-cardinality columns, the generalisation rules
 * each edit satisfies, numeric differences and the consistency of replacements.
 */
public final class ColumnComparison {
  /** The rules tried on every changed cell, in order (values() would copy them each time). */
  private static final GeneralisationRule[] RULES = GeneralisationRule.values();

  /** Distinct (old, new) pairs tracked before the mapping is given up as too large. */
  public static final int PAIR_LIMIT = 20_000;

  private static final int REPLACEMENT_LIMIT = 50_000;
  private static final int SAMPLE_LIMIT = 8;

  /** Distinct (old code, new code) pairs whose evaluation is deferred and weighted. */
  private static final int MEMO_LIMIT = 1 << 16;

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

  /** Edits that rounded a number to the nearest (not only dropped zeros), by the decimals kept. */
  final Map<Integer, Long> roundedDecimals = new TreeMap<>();

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

  /*
   * Edits between two dictionary-coded values depend only on the pair of values: each distinct
   * pair is evaluated once, at the end, weighted by its count (most columns have far fewer
   * distinct pairs than edits).
   */
  private final LongLongMap memo = new LongLongMap();
  private final List<String> memoOld = new ArrayList<>();
  private final List<String> memoNew = new ArrayList<>();
  private long[] memoCounts = new long[64];
  private long[] memoPairs = new long[64];
  private boolean memoOverflowed;
  private int[] lastNewCode = new int[0];
  private int[] lastSlot = new int[0];

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
   * Records an edited cell, the new value in a cell of a batch (which also holds its hash) made
   * into a string only when it is needed.
   *
   * @param oldCode the old value's dictionary code, or -1 when the column overflowed
   * @param oldHash a fingerprint of the old value
   * @param oldValues the old column's dictionary, to look the old value up by its code only when it
   *     is needed (a repeated edit is counted by codes alone); null when the column overflowed
   * @param oldValue the old value of an overflowed column when known (from the row sample), else
   *     null
   * @param newCode the new value's dictionary code, or -1
   */
  public void edit(
      int oldOrdinal,
      int oldCode,
      long oldHash,
      ColumnProfile oldValues,
      String oldValue,
      int newCode,
      CellBatch batch,
      int row,
      int column) {
    edited++;
    boolean coded = oldCode >= 0 && oldValues != null;
    if (samples.size() < SAMPLE_LIMIT) {
      samples.add(
          new Sample(
              oldOrdinal, coded ? oldValues.value(oldCode) : oldValue, batch.cell(row, column)));
    }
    if (replacementsChecked < REPLACEMENT_LIMIT) {
      checkReplacement(oldHash, batch.hash(row, column));
    }
    if (!coded && oldValue == null) {
      return;
    }
    if (coded && newCode >= 0) {
      if (oldCode < lastNewCode.length && lastNewCode[oldCode] == newCode) {
        memoCounts[lastSlot[oldCode]]++;
        return;
      }
      long pair = ((long) oldCode << 32) | (newCode & 0xFFFFFFFFL);
      int slot = (int) memo.get(pair, -1);
      if (slot < 0 && memo.size() < MEMO_LIMIT) {
        slot = memo.size();
        memo.putIfAbsent(pair, slot);
        if (slot == memoCounts.length) {
          memoCounts = Arrays.copyOf(memoCounts, slot * 2);
          memoPairs = Arrays.copyOf(memoPairs, slot * 2);
        }
        memoPairs[slot] = pair;
        memoOld.add(oldValues.value(oldCode));
        memoNew.add(batch.cell(row, column));
      }
      if (slot >= 0) {
        memoCounts[slot]++;
        remember(oldCode, newCode, slot);
        return;
      }
      memoOverflowed = true;
    } else if (coded) {
      // A new value without a code (its column has too many values): the pairs of codes no longer
      // hold every edit, and a mapping of the old values read from them would be missing some.
      memoOverflowed = true;
    }
    evaluate(coded ? oldValues.value(oldCode) : oldValue, batch.cell(row, column), 1);
  }

  /** Remembers the last pair seen for an old code: a recoding repeats it on every row. */
  private void remember(int oldCode, int newCode, int slot) {
    if (oldCode >= lastNewCode.length) {
      int length = Math.max(64, Integer.highestOneBit(oldCode) << 1);
      int previous = lastNewCode.length;
      lastNewCode = Arrays.copyOf(lastNewCode, length);
      lastSlot = Arrays.copyOf(lastSlot, length);
      Arrays.fill(lastNewCode, previous, length, -1);
    }
    lastNewCode[oldCode] = newCode;
    lastSlot[oldCode] = slot;
  }

  /** Evaluates the edits whose evaluation was deferred; call once all edits are recorded. */
  public void finish() {
    // The deferred pairs are exactly the (old code, new code) pairs of the edits.
    if (memoOverflowed || memo.size() >= PAIR_LIMIT) {
      codePairsOverflowed = true;
    } else {
      for (int slot = 0; slot < memoOld.size(); slot++) {
        codePairs.add(memoPairs[slot], memoCounts[slot]);
      }
    }
    for (int slot = 0; slot < memoOld.size(); slot++) {
      evaluate(memoOld.get(slot), memoNew.get(slot), memoCounts[slot]);
    }
    lastNewCode = new int[0];
    lastSlot = new int[0];
    memo.clear();
    memoOld.clear();
    memoNew.clear();
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

  private void evaluate(String oldValue, String newValue, long weight) {
    evaluated += weight;
    boolean oldBlank = ValueSyntax.isBlank(oldValue);
    boolean newMasked = ValueShapes.isMask(newValue);
    if (!oldBlank && newMasked && !ValueShapes.isMask(oldValue)) {
      blanked += weight;
      masks.merge(newValue.strip(), weight, Long::sum);
      if (ValueSyntax.isNumber(oldValue)) {
        double number = ValueSyntax.toDouble(oldValue);
        for (long copy = 0; copy < weight && blankedNumbers.size() < 10_000; copy++) {
          blankedNumbers.add(number);
        }
      }
      return;
    }
    if (oldBlank) {
      filled += weight;
      return;
    }
    valueChanges += weight;
    if (ValueShapes.related(oldValue, newValue)) {
      related += weight;
    }
    for (GeneralisationRule rule : RULES) {
      if (rule.explains(oldValue, newValue)) {
        ruleHits.merge(rule, weight, Long::sum);
        switch (rule) {
          case STRING_TRUNCATED -> truncatedLengths.merge(newValue.length(), weight, Long::sum);
          case NUMBER_ROUNDED_DOWN ->
              roundingSteps.merge(GeneralisationRule.step(oldValue, newValue), weight, Long::sum);
          case NUMBER_ROUNDED -> {
            if (ValueSyntax.toDouble(oldValue) != ValueSyntax.toDouble(newValue)) {
              roundedDecimals.merge(
                  GeneralisationRule.roundedDecimals(oldValue, newValue), weight, Long::sum);
            }
          }
          case STRING_SUFFIX_MASKED ->
              maskedKept.merge(ValueShapes.maskedSuffixKept(oldValue, newValue), weight, Long::sum);
          case NUMBER_TO_BAND -> {
            if (bandLabels.size() < 100) {
              bandLabels.merge(newValue, weight, Long::sum);
            }
          }
          default -> {}
        }
      }
    }
    if (ValueShapes.bothNumbers(oldValue, newValue)) {
      double old = ValueSyntax.toDouble(oldValue);
      double difference = ValueSyntax.toDouble(newValue) - old;
      numericPairs += weight;
      sumDifference += difference * weight;
      sumAbsoluteDifference += Math.abs(difference) * weight;
      maxAbsoluteDifference = Math.max(maxAbsoluteDifference, Math.abs(difference));
      if (old != 0) {
        maxRelativeDifference = Math.max(maxRelativeDifference, Math.abs(difference / old));
      }
    }
  }
}
