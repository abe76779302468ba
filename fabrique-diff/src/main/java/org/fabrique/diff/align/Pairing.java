package org.fabrique.diff.align;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.fabrique.diff.detect.ColumnComparison;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.profile.Hashes;
import org.fabrique.diff.profile.ValueType;

/**
 * Pairs each row of the new version with the old row of the same key (or, without a key, an
 * identical old row), and feeds the edited cells of paired rows to the column comparisons. Runs as
 * the consumer of the new version's rows.
 */
public final class Pairing {
  /** A row kept for the cell-level view. */
  public record DetailRef(String action, int oldOrdinal, String[] newCells) {}

  private final OldTable old;
  private final List<ColumnMatching.Pair> pairs;
  private final int[] newKeyColumns;
  private final boolean keyed;
  private final List<ColumnProfile> newProfiles = new ArrayList<>();
  private final List<ColumnComparison> comparisons = new ArrayList<>();
  private final BitSet matched = new BitSet();
  private final LongIntHashMap newOnlyKeys = new LongIntHashMap(1 << 12);
  private final LongIntHashMap duplicatedNewKeys = new LongIntHashMap(16);
  private final int detailLimit;
  private final List<DetailRef> details = new ArrayList<>();
  private final List<String> duplicateSamples = new ArrayList<>();
  private long[] newHashes;
  private int[] newCodes;
  private boolean detailsTruncated;
  long matchedRows;
  long unchanged;
  long changed;
  long added;
  long duplicateNewKeys;
  long pairedWithDuplicateOldKey;

  public Pairing(
      OldTable old,
      List<String> newHeader,
      List<ColumnMatching.Pair> pairs,
      int[] newKeyColumns,
      int detailLimit) {
    this.old = old;
    this.pairs = List.copyOf(pairs);
    this.newKeyColumns = newKeyColumns.clone();
    this.keyed = newKeyColumns.length > 0;
    this.detailLimit = detailLimit;
    for (String name : newHeader) {
      newProfiles.add(new ColumnProfile(name));
    }
    for (ColumnMatching.Pair pair : pairs) {
      comparisons.add(new ColumnComparison(pair.oldName(), pair.newName()));
    }
  }

  /** Stage 2: profiles the new version's cells and returns their dictionary codes. */
  public int[] encode(String[] cells, long[] hashes, ValueType[] types) {
    int[] codes = new int[cells.length];
    for (int column = 0; column < cells.length; column++) {
      codes[column] = newProfiles.get(column).encode(cells[column], hashes[column], types[column]);
    }
    return codes;
  }

  /** Stage 3: pairs the row and compares its cells. */
  public void accept(String[] cells, long[] hashes, int[] codes) {
    newHashes = hashes;
    newCodes = codes;
    long content = 0x9E3779B97F4A7C15L;
    for (ColumnMatching.Pair pair : pairs) {
      content = Hashes.combine(content, newHashes[pair.newIndex()]);
    }
    long key = content;
    if (keyed) {
      key = 0x2545F4914F6CDD1DL;
      for (int column : newKeyColumns) {
        key = Hashes.combine(key, newHashes[column]);
      }
    }
    int ordinal = pairs.isEmpty() ? -1 : old.index().first(key);
    if (!keyed) {
      pairIdentical(ordinal, cells);
      return;
    }
    if (ordinal < 0) {
      if (newOnlyKeys.put(key, 1) >= 0) {
        duplicateNew(key, cells);
      } else {
        added++;
        detail("+++", -1, cells);
      }
      return;
    }
    if (old.index().next(ordinal) >= 0) {
      pairedWithDuplicateOldKey++;
      if (duplicateSamples.size() < 10) {
        duplicateSamples.add(keyText(cells));
      }
      return;
    }
    if (matched.get(ordinal)) {
      duplicateNew(key, cells);
      return;
    }
    matched.set(ordinal);
    matchedRows++;
    if (old.rowFingerprint(ordinal) == content) {
      unchanged++;
      return;
    }
    changed++;
    compareCells(ordinal, key, cells);
    detail("->", ordinal, cells);
  }

  private void pairIdentical(int head, String[] cells) {
    for (int ordinal = head; ordinal >= 0; ordinal = old.index().next(ordinal)) {
      if (!matched.get(ordinal)) {
        matched.set(ordinal);
        matchedRows++;
        unchanged++;
        return;
      }
    }
    added++;
    detail("+++", -1, cells);
  }

  private void compareCells(int ordinal, long key, String[] cells) {
    for (int index = 0; index < pairs.size(); index++) {
      ColumnMatching.Pair pair = pairs.get(index);
      int oldColumn = pair.oldIndex();
      int newColumn = pair.newIndex();
      if (old.hash32(oldColumn, ordinal) == (int) newHashes[newColumn]) {
        continue;
      }
      String oldValue = old.valueOrNull(oldColumn, ordinal);
      int oldCode = -1;
      long oldHash;
      if (oldValue == null) {
        oldHash = old.code(oldColumn, ordinal);
        oldValue = old.sample().row(key).map(row -> row[oldColumn]).orElse(null);
      } else {
        oldCode = old.code(oldColumn, ordinal);
        oldHash = old.profiles().get(oldColumn).hash(oldCode);
      }
      comparisons
          .get(index)
          .edit(
              ordinal,
              oldCode,
              oldHash,
              oldValue,
              newCodes[newColumn],
              newHashes[newColumn],
              cells[newColumn]);
    }
  }

  private void duplicateNew(long key, String[] cells) {
    if (duplicatedNewKeys.put(key, 1) < 0) {
      duplicateNewKeys++;
      if (duplicateSamples.size() < 10) {
        duplicateSamples.add(keyText(cells));
      }
    }
  }

  private String keyText(String[] cells) {
    StringBuilder text = new StringBuilder();
    for (int column : newKeyColumns) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(cells[column]);
    }
    return text.toString();
  }

  private void detail(String action, int oldOrdinal, String[] cells) {
    if (details.size() < detailLimit) {
      details.add(new DetailRef(action, oldOrdinal, cells));
    } else {
      detailsTruncated = true;
    }
  }

  /** Adds a removed old row to the detailed rows, within the limit. */
  public void detailRemoved(int oldOrdinal) {
    detail("---", oldOrdinal, null);
  }

  public List<ColumnProfile> newProfiles() {
    return newProfiles;
  }

  public List<ColumnComparison> comparisons() {
    return comparisons;
  }

  public BitSet matched() {
    return matched;
  }

  public List<DetailRef> details() {
    return details;
  }

  public boolean detailsTruncated() {
    return detailsTruncated;
  }

  public List<String> duplicateSamples() {
    return duplicateSamples;
  }

  public long matchedRows() {
    return matchedRows;
  }

  public long unchanged() {
    return unchanged;
  }

  public long changed() {
    return changed;
  }

  public long added() {
    return added;
  }

  public long pairedWithDuplicateOldKey() {
    return pairedWithDuplicateOldKey;
  }

  public long duplicateNewKeys() {
    return duplicateNewKeys;
  }
}
