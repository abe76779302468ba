package org.fabrique.diff.align;

import java.util.ArrayList;
import java.util.List;
import org.fabrique.diff.detect.OldRows;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.read.CellBatch;

/**
 * The old version, held compactly for pairing: per column, one int per row (a dictionary code, or
 * 32 bits of the value's hash once the column has too many distinct values), each row's key and
 * content fingerprints, the key index, and a sample of full rows.
 */
public final class OldTable implements OldRows {
  private final List<ColumnProfile> profiles = new ArrayList<>();
  private final IntColumn[] codes;
  private final boolean[] hashed;
  private final LongColumn rowFingerprints = new LongColumn();
  private final LongColumn keyFingerprints = new LongColumn();
  private final KeyIndex index;
  private final RowSample sample;
  private final java.util.BitSet unreliable = new java.util.BitSet();

  /**
   * @param expectedValues per column, the distinct values expected (a size hint)
   */
  public OldTable(List<String> header, int sampleRows, int expectedRows, int[] expectedValues) {
    for (int column = 0; column < header.size(); column++) {
      profiles.add(new ColumnProfile(header.get(column), expectedValues[column]));
    }
    codes = new IntColumn[header.size()];
    for (int column = 0; column < codes.length; column++) {
      codes[column] = new IntColumn();
    }
    hashed = new boolean[header.size()];
    for (int column = 0; column < hashed.length; column++) {
      // A column foretold to have too many values for a dictionary stores hashes from the start.
      hashed[column] = profiles.get(column).overflowed();
    }
    index = new KeyIndex(expectedRows);
    sample = new RowSample(sampleRows, expectedRows);
  }

  /**
   * Stage 2: counts and stores each cell of a row (touches only per-column state); writes no codes
   * into the batch's.
   */
  public void encode(
      CellBatch batch, int row, long content, long key, int unusedProbe, int[] unused, int at) {
    for (int column = 0; column < codes.length; column++) {
      ColumnProfile profile = profiles.get(column);
      int code = profile.encode(batch, row, column);
      if (code == ColumnProfile.OVERFLOW) {
        if (!hashed[column]) {
          rehash(column);
        }
        codes[column].add((int) batch.hash(row, column));
      } else {
        codes[column].add(code);
      }
    }
  }

  /**
   * Stage 3: the rows' fingerprints, their places in the key index (added in one tight loop, so
   * that the cache misses of successive insertions overlap) and the row sample.
   */
  public void addRows(CellBatch batch, int[] unused, long[] contents, long[] keys) {
    int rows = batch.rows();
    int first = rowFingerprints.size();
    for (int row = 0; row < rows; row++) {
      index.add(keys[row]);
      if (batch.unreliable(row)) {
        unreliable.set(first + row);
      }
    }
    for (int row = 0; row < rows; row++) {
      rowFingerprints.add(contents[row]);
      keyFingerprints.add(keys[row]);
      sample.offer(keys[row], batch, row);
    }
  }

  /** Replaces the codes stored so far by hashes, once a column's dictionary overflowed. */
  private void rehash(int column) {
    ColumnProfile profile = profiles.get(column);
    IntColumn stored = codes[column];
    for (int row = 0; row < stored.size(); row++) {
      stored.set(row, (int) profile.hash(stored.get(row)));
    }
    hashed[column] = true;
  }

  /** Whether the columns profiled without a dictionary held as many values as foretold. */
  public boolean foresightHeld() {
    return Foresight.held(profiles, column -> codes[column]);
  }

  @Override
  public List<ColumnProfile> profiles() {
    return profiles;
  }

  @Override
  public int rows() {
    return rowFingerprints.size();
  }

  @Override
  public boolean hashed(int column) {
    return hashed[column];
  }

  /** The stored int of a cell: a dictionary code, or 32 bits of the hash when hashed. */
  @Override
  public int code(int column, int row) {
    return codes[column].get(row);
  }

  /** 32 bits of a cell's hash, comparable whatever the column's storage. */
  public int hash32(int column, int row) {
    int stored = codes[column].get(row);
    return hashed[column] ? stored : (int) profiles.get(column).hash(stored);
  }

  /** The cell's value when the column kept its dictionary, else null. */
  public String valueOrNull(int column, int row) {
    return hashed[column] ? null : profiles.get(column).value(codes[column].get(row));
  }

  public long rowFingerprint(int row) {
    return rowFingerprints.get(row);
  }

  public long keyFingerprint(int row) {
    return keyFingerprints.get(row);
  }

  /** Whether the row was not read as written (a ragged row, undecodable bytes). */
  public boolean unreliable(int row) {
    return unreliable.get(row);
  }

  public KeyIndex index() {
    return index;
  }

  public RowSample sample() {
    return sample;
  }
}
