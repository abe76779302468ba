package org.fabrique.diff;

import java.util.ArrayList;
import java.util.List;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.read.TableReader;
import org.fabrique.diff.report.TableSummary;

/** Summaries of the inputs for the report. */
final class TableSummaries {
  private TableSummaries() {}

  static TableSummary of(String file, TableReader reader, List<ColumnProfile> profiles, long rows) {
    List<TableSummary.ColumnSummary> columns = new ArrayList<>();
    for (ColumnProfile profile : profiles) {
      columns.add(
          new TableSummary.ColumnSummary(
              profile.name(),
              profile.type().label(),
              profile.nonBlank(),
              profile.blank(),
              profile.distinct(),
              profile.distinctExact()));
    }
    return new TableSummary(
        file, reader.format(), reader.encoding(), reader.delimiter(), rows, columns);
  }
}
