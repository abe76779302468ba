package org.fabrique.diff.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.fabrique.diff.detect.ColumnComparison;
import org.fabrique.diff.detect.RowFilterDetector;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.read.CellBatch;

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
  private final int[] oldColumns;
  private final int[] newColumns;
  private final boolean keyed;
  private final List<ColumnProfile> newProfiles = new ArrayList<>();
  private final List<ColumnComparison> comparisons = new ArrayList<>();
  private final BitSet matched = new BitSet();
  private final LongIntHashMap newOnlyKeys = new LongIntHashMap(1 << 12);
  private final LongIntHashMap duplicatedNewKeys = new LongIntHashMap(16);
  private final int detailLimit;

  /**
   * Rows kept for the cell-level view, per action (edited, added, removed), each up to the limit.
   */
  private final List<List<DetailRef>> details =
      List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

  private final long[] detailOffered = new long[3];
  private final List<String> duplicateSamples = new ArrayList<>();

  /** Stage 3: the codes of the batch being accepted, and where the current row starts. */
  private int[] newCodes;

  private int start;

  /** Added rows kept (with their codes) to explain them; a uniform sample past the limit. */
  private static final int ADDED_KEPT = 100_000;

  private final List<int[]> addedCodes = new ArrayList<>();
  private final SplittableRandom addedSampling = new SplittableRandom(0xADDL);

  /** Per new column, the count of each code among added rows, and among rows left unpaired. */
  private final long[][] addedCounts;

  private final long[][] unpairedCounts;

  /**
   * Per compared column, the old dictionary's code for each new dictionary code: {@link #UNKNOWN}
   * until looked up, -1 when the old dictionary lacks the value. Written by stage 2 only.
   */
  private final int[][] oldCodeOfNew;

  private static final int UNKNOWN = -2;

  /**
   * Per new column profiled without a dictionary, 32 bits of each row's hash, to check that it held
   * as many distinct values as foretold (null for the other columns). Written by stage 2.
   */
  private final IntColumn[] foreseen;

  long matchedRows;
  long unchanged;
  long changed;
  long unreliableChanged;
  long added;
  long duplicateNewKeys;
  long pairedWithDuplicateOldKey;

  public Pairing(
      OldTable old,
      List<String> newHeader,
      int[] expectedValues,
      List<ColumnMatching.Pair> pairs,
      int[] newKeyColumns,
      int detailLimit) {
    this.old = old;
    this.pairs = List.copyOf(pairs);
    this.newKeyColumns = newKeyColumns.clone();
    this.oldColumns = pairs.stream().mapToInt(ColumnMatching.Pair::oldIndex).toArray();
    this.newColumns = pairs.stream().mapToInt(ColumnMatching.Pair::newIndex).toArray();
    this.keyed = newKeyColumns.length > 0;
    this.detailLimit = detailLimit;
    for (int column = 0; column < newHeader.size(); column++) {
      newProfiles.add(new ColumnProfile(newHeader.get(column), expectedValues[column]));
    }
    foreseen = new IntColumn[newHeader.size()];
    for (int column = 0; column < foreseen.length; column++) {
      foreseen[column] = newProfiles.get(column).withoutDictionary() ? new IntColumn() : null;
    }
    for (ColumnMatching.Pair pair : pairs) {
      comparisons.add(new ColumnComparison(pair.oldName(), pair.newName()));
    }
    oldCodeOfNew = new int[pairs.size()][0];
    addedCounts = new long[newHeader.size()][0];
    unpairedCounts = new long[newHeader.size()][0];
  }

  /**
   * Stage 2: profiles the new version's cells and returns their dictionary codes, followed by the
   * old row of the same key ({@code ordinal}, found by {@link #probe} on the reading thread, or -1)
   * and a bit set of the compared columns whose cells differ from that row's. Reads the old table,
   * which no stage writes any more.
   */
  public void encode(
      CellBatch batch, int row, long content, long key, int ordinal, int[] codes, int at) {
    int width = batch.width();
    for (int column = 0; column < width; column++) {
      codes[at + column] = newProfiles.get(column).encode(batch, row, column);
      if (foreseen[column] != null) {
        foreseen[column].add((int) batch.hash(row, column));
      }
    }
    codes[at + width] = ordinal;
    int differing = at + width + 1;
    Arrays.fill(codes, differing, at + codesPerRow(), 0);
    if (keyed && ordinal >= 0 && old.rowFingerprint(ordinal) != content) {
      for (int index = 0; index < pairs.size(); index++) {
        if (differs(index, ordinal, codes[at + newColumns[index]], batch, row)) {
          codes[differing + (index >>> 5)] |= 1 << (index & 31);
        }
      }
    }
  }

  /**
   * The ints {@link #encode} writes per row: the codes of the new version's cells, the paired old
   * row, and a bit per compared column.
   */
  public int codesPerRow() {
    return newProfiles.size() + 1 + (pairs.size() + 31) / 32;
  }

  /**
   * Stage 2: whether a compared cell differs from the old row's. Both dictionaries coded: by code
   * (the new code's old code is looked up once per distinct new value), else by 32 bits of hash.
   */
  private boolean differs(int index, int ordinal, int newCode, CellBatch batch, int row) {
    int oldColumn = oldColumns[index];
    long newHash = batch.hash(row, newColumns[index]);
    if (newCode < 0 || old.hashed(oldColumn)) {
      return old.hash32(oldColumn, ordinal) != (int) newHash;
    }
    int[] map = oldCodeOfNew[index];
    if (newCode >= map.length) {
      int previous = map.length;
      map = Arrays.copyOf(map, Math.max(64, Integer.highestOneBit(newCode) << 1));
      Arrays.fill(map, previous, map.length, UNKNOWN);
      oldCodeOfNew[index] = map;
    }
    int oldCode = map[newCode];
    if (oldCode == UNKNOWN) {
      oldCode = old.profiles().get(oldColumn).codeOf(newHash);
      map[newCode] = oldCode;
    }
    return old.code(oldColumn, ordinal) != oldCode;
  }

  /**
   * Stage 1: the last old row with this key fingerprint, or -1 (also when no column is compared).
   * Reads only the old table's key index, which no stage writes any more.
   */
  public int probe(long key) {
    return pairs.isEmpty() ? -1 : old.index().first(key);
  }

  /** Stage 3: pairs the rows of a batch and compares their cells. */
  public void accept(CellBatch batch, int[] codes, long[] contents, long[] keys) {
    newCodes = codes;
    int stride = codesPerRow();
    for (int row = 0; row < batch.rows(); row++) {
      start = row * stride;
      accept(batch, row, contents[row], keys[row]);
    }
  }

  private void accept(CellBatch batch, int row, long content, long key) {
    int ordinal = newCodes[start + batch.width()];
    if (!keyed) {
      pairIdentical(ordinal, batch, row);
      return;
    }
    if (ordinal < 0) {
      if (newOnlyKeys.put(key, 1) >= 0) {
        duplicateNew(key, batch, row);
      } else {
        added(batch, row);
      }
      return;
    }
    if (old.index().next(ordinal) >= 0) {
      pairedWithDuplicateOldKey++;
      count(unpairedCounts, newCodes, start);
      // The key may repeat in the new version too: count it once among the new duplicates.
      if (newOnlyKeys.put(key, 1) >= 0 && duplicatedNewKeys.put(key, 1) < 0) {
        duplicateNewKeys++;
      }
      if (duplicateSamples.size() < 10) {
        duplicateSamples.add(keyText(batch, row));
      }
      return;
    }
    if (matched.get(ordinal)) {
      duplicateNew(key, batch, row);
      return;
    }
    matched.set(ordinal);
    matchedRows++;
    if (old.rowFingerprint(ordinal) == content) {
      unchanged++;
      return;
    }
    changed++;
    if (batch.unreliable(row) || old.unreliable(ordinal)) {
      // A row not read as written differs for that reason: its edits explain nothing.
      unreliableChanged++;
    } else {
      compareCells(ordinal, key, batch, row);
    }
    detail("->", ordinal, batch, row);
  }

  private void pairIdentical(int head, CellBatch batch, int row) {
    for (int ordinal = head; ordinal >= 0; ordinal = old.index().next(ordinal)) {
      if (!matched.get(ordinal)) {
        matched.set(ordinal);
        matchedRows++;
        unchanged++;
        return;
      }
    }
    added(batch, row);
  }

  private void added(CellBatch batch, int row) {
    added++;
    detail("+++", -1, batch, row);
    count(addedCounts, newCodes, start);
    // The batch's codes serve the next batches: an added row kept keeps a copy of its own.
    if (addedCodes.size() < ADDED_KEPT) {
      addedCodes.add(Arrays.copyOfRange(newCodes, start, start + batch.width()));
    } else {
      long slot = addedSampling.nextLong(added);
      if (slot < ADDED_KEPT) {
        addedCodes.set((int) slot, Arrays.copyOfRange(newCodes, start, start + batch.width()));
      }
    }
  }

  /** Counts the dictionary codes of a row's cells (cells of overflowed columns are not counted). */
  private static void count(long[][] counts, int[] codes, int at) {
    for (int column = 0; column < counts.length; column++) {
      int code = codes[at + column];
      if (code < 0) {
        continue;
      }
      if (code >= counts[column].length) {
        counts[column] =
            Arrays.copyOf(counts[column], Math.max(16, Integer.highestOneBit(code) << 1));
      }
      counts[column][code]++;
    }
  }

  private void compareCells(int ordinal, long key, CellBatch batch, int row) {
    int differing = start + batch.width() + 1;
    for (int index = 0; index < pairs.size(); index++) {
      if ((newCodes[differing + (index >>> 5)] & (1 << (index & 31))) == 0) {
        continue;
      }
      int oldColumn = oldColumns[index];
      int newColumn = newColumns[index];
      int stored = old.code(oldColumn, ordinal);
      ColumnProfile oldProfile = old.profiles().get(oldColumn);
      if (old.hashed(oldColumn)) {
        // Only 32 bits of the old value's hash are kept; its text, when the row was sampled.
        String oldValue = old.sample().row(key).map(cells -> cells[oldColumn]).orElse(null);
        comparisons
            .get(index)
            .edit(
                ordinal,
                -1,
                stored,
                null,
                oldValue,
                newCodes[start + newColumn],
                batch,
                row,
                newColumn);
      } else {
        comparisons
            .get(index)
            .edit(
                ordinal,
                stored,
                oldProfile.hash(stored),
                oldProfile,
                null,
                newCodes[start + newColumn],
                batch,
                row,
                newColumn);
      }
    }
  }

  private void duplicateNew(long key, CellBatch batch, int row) {
    count(unpairedCounts, newCodes, start);
    if (duplicatedNewKeys.put(key, 1) < 0) {
      duplicateNewKeys++;
      if (duplicateSamples.size() < 10) {
        duplicateSamples.add(keyText(batch, row));
      }
    }
  }

  private String keyText(CellBatch batch, int row) {
    StringBuilder text = new StringBuilder();
    for (int column : newKeyColumns) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(batch.cell(row, column));
    }
    return text.toString();
  }

  private void detail(String action, int oldOrdinal, CellBatch batch, int row) {
    int kind = action.equals("->") ? 0 : action.equals("+++") ? 1 : 2;
    detailOffered[kind]++;
    if (details.get(kind).size() < detailLimit) {
      details
          .get(kind)
          .add(new DetailRef(action, oldOrdinal, batch == null ? null : batch.row(row)));
    }
  }

  /** The new columns whose hashes make a row's content fingerprint, in pairing order. */
  public int[] contentColumns() {
    return newColumns.clone();
  }

  public int[] keyColumns() {
    return newKeyColumns.clone();
  }

  /** Completes the column comparisons once every row was accepted. */
  public void finish() {
    for (ColumnComparison comparison : comparisons) {
      comparison.finish();
    }
  }

  /** Adds a removed old row to the detailed rows, within the limit. */
  public void detailRemoved(int oldOrdinal) {
    detail("---", oldOrdinal, null, 0);
  }

  /** As {@link OldTable#foresightHeld}, for the new version's columns. */
  public boolean foresightHeld() {
    return Foresight.held(newProfiles, column -> foreseen[column]);
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

  /**
   * The rows kept for the cell-level view: at most the limit in all, shared fairly between edited,
   * added and removed rows (a kind with fewer rows than its share leaves the rest to the others),
   * edited rows first, then added, then removed, each in the order met.
   */
  public List<DetailRef> details() {
    int[] shown = detailShown();
    List<DetailRef> kept = new ArrayList<>();
    for (int kind = 0; kind < 3; kind++) {
      kept.addAll(details.get(kind).subList(0, shown[kind]));
    }
    return kept;
  }

  /** Per kind (edited, added, removed), the rows of that kind met. */
  public long[] detailOffered() {
    return detailOffered.clone();
  }

  /** Per kind (edited, added, removed), the rows of that kind kept in {@link #details()}. */
  public int[] detailShown() {
    int[] shown = new int[3];
    int left = detailLimit;
    boolean[] done = new boolean[3];
    for (int round = 0; round < 3; round++) {
      // The kind with the fewest rows kept takes them all if they fit in an equal share.
      int smallest = -1;
      for (int kind = 0; kind < 3; kind++) {
        if (!done[kind]
            && (smallest < 0 || details.get(kind).size() < details.get(smallest).size())) {
          smallest = kind;
        }
      }
      int share = left / (3 - round);
      shown[smallest] = Math.min(details.get(smallest).size(), share);
      left -= shown[smallest];
      done[smallest] = true;
    }
    return shown;
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

  /** Changed rows left out of the column comparisons because one side was not read as written. */
  public long unreliableChanged() {
    return unreliableChanged;
  }

  public long added() {
    return added;
  }

  /** The codes of the added rows: all of them, or a uniform sample of {@value #ADDED_KEPT}. */
  public List<int[]> addedRows() {
    return addedCodes;
  }

  /**
   * Per new column, the count of each dictionary code among the rows paired with an old row; null
   * for a column without a usable dictionary, and for the key columns: an added row's key is new by
   * definition, so a rule on the key would explain nothing.
   */
  public List<long[]> keptCounts() {
    List<long[]> kept = new ArrayList<>();
    for (int column = 0; column < newProfiles.size(); column++) {
      ColumnProfile profile = newProfiles.get(column);
      int candidate = column;
      boolean key = Arrays.stream(newKeyColumns).anyMatch(keyColumn -> keyColumn == candidate);
      if (key || !RowFilterDetector.usable(profile, false)) {
        kept.add(null);
        continue;
      }
      long[] counts = new long[profile.dictionarySize()];
      for (int code = 0; code < counts.length; code++) {
        counts[code] =
            profile.countOf(code)
                - at(addedCounts[column], code)
                - at(unpairedCounts[column], code);
      }
      kept.add(counts);
    }
    return kept;
  }

  private static long at(long[] counts, int code) {
    return code < counts.length ? counts[code] : 0;
  }

  public long pairedWithDuplicateOldKey() {
    return pairedWithDuplicateOldKey;
  }

  public long duplicateNewKeys() {
    return duplicateNewKeys;
  }
}
