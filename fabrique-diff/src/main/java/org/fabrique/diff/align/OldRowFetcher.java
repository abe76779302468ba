package org.fabrique.diff.align;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.fabrique.diff.read.ProblemLog;
import org.fabrique.diff.read.TableReader;

/**
 * Reads the old version again to fetch the full text of a few rows (for samples and the cell-level
 * view), stopping after the last one wanted.
 */
public final class OldRowFetcher {
  private OldRowFetcher() {}

  public static Map<Integer, String[]> fetch(TableReader reader, Set<Integer> ordinals) {
    Map<Integer, String[]> rows = new HashMap<>();
    if (ordinals.isEmpty()) {
      return rows;
    }
    int last = ordinals.stream().mapToInt(Integer::intValue).max().orElse(-1);
    reader.read(
        (cells, rowNumber) -> {
          int ordinal = (int) (rowNumber - 1);
          if (ordinals.contains(ordinal)) {
            rows.put(ordinal, cells);
          }
          return ordinal < last;
        },
        new ProblemLog("fetch"));
    return rows;
  }
}
