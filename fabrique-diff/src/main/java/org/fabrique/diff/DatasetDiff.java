package org.fabrique.diff;

import java.nio.file.Path;
import org.fabrique.diff.report.DiffReport;

/**
 * Compares two versions of a table (CSV, TSV, XLSX or SAS7BDAT) and explains the difference: the
 * columns added, removed, renamed or retyped, the rows removed (with the rule that explains them)
 * or added, and the interventions recognised in each column.
 *
 * <p>Inputs are streamed: the old version is held as a key index with one small integer per cell,
 * the new version is never held. Problems in the inputs are listed in the report.
 */
public final class DatasetDiff {

  /**
   * @throws DiffInputException when a file cannot be read at all, or a given key column is missing
   */
  public DiffReport compare(Path oldFile, Path newFile, DiffOptions options) {
    return new TableComparison(oldFile, newFile, options).run();
  }
}
