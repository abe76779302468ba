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
            String[] cells = new String[header.size()];
            for (int column = 0; column < cells.length; column++) {
              ColumnProfile profile = profiles.get(column);
              int code = profile.encode(batch, row, column);
              // A value met again is the same string: most columns repeat their values, and the
              // first rows are kept while the passes run.
              cells[column] =
                  code == ColumnProfile.OVERFLOW ? batch.cell(row, column) : profile.value(code);
            }
            rows.add(cells);
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
