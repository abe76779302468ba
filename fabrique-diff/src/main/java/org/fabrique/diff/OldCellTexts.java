package org.fabrique.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fabrique.diff.align.ColumnMatching.Pair;
import org.fabrique.diff.align.OldRowFetcher;
import org.fabrique.diff.align.OldTable;
import org.fabrique.diff.align.Pairing;
import org.fabrique.diff.detect.ColumnComparison;
import org.fabrique.diff.read.TableReader;

/**
 * The text of the old cells a report shows (samples of edits, the cell-level view): from a column's
 * dictionary, else from the rows sampled during the pass, else from the rows read again. Columns
 * stored as hashes keep no text: the rows the report shows are read again from the old file, once,
 * which {@link #fetch} does (on its own thread while the detectors run).
 */
final class OldCellTexts implements DetailRows.OldCells {
  private final OldTable old;
  private final List<Pair> key;
  private Map<Integer, String[]> fetched = Map.of();

  OldCellTexts(OldTable old, List<Pair> key) {
    this.old = old;
    this.key = key;
  }

  /** Reads again the old rows the report shows whose text no dictionary or sample keeps. */
  OldCellTexts fetch(TableReader oldReader, Pairing pairing) {
    boolean anyHashed = false;
    for (int column = 0; column < oldReader.header().size(); column++) {
      anyHashed |= old.hashed(column);
    }
    if (!anyHashed) {
      return this;
    }
    Set<Integer> wanted = new HashSet<>();
    for (Pairing.DetailRef detail : pairing.details()) {
      if (detail.oldOrdinal() >= 0) {
        wanted.add(detail.oldOrdinal());
      }
    }
    for (ColumnComparison comparison : pairing.comparisons()) {
      for (ColumnComparison.Sample sample : comparison.samples()) {
        if (sample.oldValue() == null) {
          wanted.add(sample.oldOrdinal());
        }
      }
    }
    wanted.removeIf(ordinal -> old.sample().row(old.keyFingerprint(ordinal)).isPresent());
    fetched = OldRowFetcher.fetch(oldReader, wanted);
    return this;
  }

  /** An old cell's text, or "…" when it is kept nowhere. */
  @Override
  public String value(int column, int ordinal) {
    String value = old.valueOrNull(column, ordinal);
    if (value != null) {
      return value;
    }
    String[] row = fetched.get(ordinal);
    if (row == null) {
      row = old.sample().row(old.keyFingerprint(ordinal)).orElse(null);
    }
    return row == null ? "…" : row[column];
  }

  /** A few (old, new) pairs of a column's edits. */
  List<List<String>> samplePairs(int oldColumn, ColumnComparison comparison) {
    List<List<String>> pairs = new ArrayList<>();
    for (ColumnComparison.Sample sample : comparison.samples()) {
      if (pairs.size() < 3) {
        pairs.add(List.of(resolvedOld(oldColumn, sample), sample.newValue()));
      }
    }
    return pairs;
  }

  /** A column's sampled edits as (row, old, new). */
  List<List<String>> editSamples(int oldColumn, ColumnComparison comparison) {
    List<List<String>> samples = new ArrayList<>();
    for (ColumnComparison.Sample sample : comparison.samples()) {
      samples.add(
          List.of(keyText(sample.oldOrdinal()), resolvedOld(oldColumn, sample), sample.newValue()));
    }
    return samples;
  }

  /** A row named by its key values (or its position when there is no key). */
  private String keyText(int ordinal) {
    if (key.isEmpty()) {
      return "row " + (ordinal + 1);
    }
    List<String> values = new ArrayList<>();
    for (Pair column : key) {
      values.add(column.newName() + " " + value(column.oldIndex(), ordinal));
    }
    return String.join(", ", values);
  }

  private String resolvedOld(int oldColumn, ColumnComparison.Sample sample) {
    return sample.oldValue() != null ? sample.oldValue() : value(oldColumn, sample.oldOrdinal());
  }
}
