package org.fabrique.diff.detect;

import org.fabrique.diff.profile.ColumnProfile;

/**
 * Everything known about one matched column once both versions were read.
 *
 * @param compared paired rows
 * @param keptByOldCode for each old dictionary code, the paired rows that held it (empty when the
 *     old column overflowed its dictionary)
 */
public record ColumnEvidence(
    ColumnComparison comparison,
    ColumnProfile oldProfile,
    ColumnProfile newProfile,
    long compared,
    long[] keptByOldCode) {

  public String column() {
    return comparison.newName();
  }

  /** Paired rows whose old value is not blank (estimated from the old column's blank share). */
  public double comparedNonBlank() {
    return compared * (1 - oldProfile.blankShare());
  }

  /** Share of paired non-blank cells that were edited. */
  public double editedShare() {
    double base = comparedNonBlank();
    return base == 0 ? 0 : Math.min(1, comparison.edited / base);
  }
}
