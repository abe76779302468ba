package org.fabrique.diff.align;

import java.util.ArrayList;
import java.util.List;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.read.ProblemLog;
import org.fabrique.diff.read.TableReader;

/** The first rows of a table and their profiles: enough to match columns and find a key. */
public record TableSample(List<String> header, List<String[]> rows, List<ColumnProfile> profiles) {

  public static final int ROWS = 20_000;

  public static TableSample of(TableReader reader) {
    List<String> header = reader.header();
    List<ColumnProfile> profiles = new ArrayList<>();
    for (String name : header) {
      profiles.add(new ColumnProfile(name));
    }
    List<String[]> rows = new ArrayList<>();
    reader.read(
        (cells, rowNumber) -> {
          rows.add(cells);
          for (int index = 0; index < cells.length; index++) {
            profiles.get(index).encode(cells[index]);
          }
          return rows.size() < ROWS;
        },
        new ProblemLog("sample"));
    return new TableSample(header, rows, profiles);
  }
}
