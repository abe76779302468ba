package org.fabrique.diff.align;

import java.util.List;
import java.util.function.IntFunction;
import org.fabrique.diff.profile.ColumnProfile;

/**
 * The check of what the first rows foretold: every column profiled without a dictionary (see {@link
 * ColumnProfile#BEYOND_DICTIONARY}) did hold more distinct values than one holds. Told by 32 bits
 * of each row's hash, which can only count fewer values than there are.
 */
final class Foresight {
  private Foresight() {}

  /**
   * @param hashes per column, 32 bits of each row's hash (asked only for the columns profiled
   *     without a dictionary)
   */
  static boolean held(List<ColumnProfile> profiles, IntFunction<IntColumn> hashes) {
    for (int column = 0; column < profiles.size(); column++) {
      if (profiles.get(column).withoutDictionary()
          && !hashes.apply(column).holdsMoreDistinctThan(ColumnProfile.DICTIONARY_LIMIT)) {
        return false;
      }
    }
    return true;
  }
}
