package org.fabrique.diff.detect;

import org.fabrique.diff.profile.ColumnProfile;

/** The old version's rows as stored for pairing: one dictionary code per cell. */
public interface OldRows {
  int rows();

  java.util.List<ColumnProfile> profiles();

  /** True when the column lost its dictionary (its cells hold hashes, not codes). */
  boolean hashed(int column);

  int code(int column, int row);
}
