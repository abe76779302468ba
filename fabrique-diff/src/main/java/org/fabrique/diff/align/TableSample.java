package org.fabrique.diff.align;

import java.util.ArrayList;
import java.util.List;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.read.ProblemLog;
import org.fabrique.diff.read.TableReader;

/** The first rows of a table and their profiles: enough to match columns and find a key. */
public record TableSample(List<String> header, List<String[]> rows, List<ColumnProfile> profiles) {

  public static final int ROWS = 20_000;

  /**
   * Reads the first rows through the same batch path as the full passes, so that the code they run
   * most is already being compiled when they start.
   */
  public static TableSample of(TableReader reader) {
    List<String> header = reader.header();
    List<ColumnProfile> profiles = new ArrayList<>();
    for (String name : header) {
      profiles.add(new ColumnProfile(name));
    }
    List<String[]> rows = new ArrayList<>();
    reader.read(
        BATCH,
        batch -> {
          for (int row = 0; row < batch.rows() && rows.size() < ROWS; row++) {
            rows.add(batch.row(row));
            for (int column = 0; column < header.size(); column++) {
              profiles.get(column).encode(batch, row, column);
            }
          }
          if (rows.size() >= ROWS) {
            return null;
          }
          batch.clear();
          return batch;
        },
        new ProblemLog("sample"));
    return new TableSample(header, rows, profiles);
  }

  private static final int BATCH = 2_048;
}
