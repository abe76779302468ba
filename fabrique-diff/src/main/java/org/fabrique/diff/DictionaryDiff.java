package org.fabrique.diff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fabrique.diff.dictionary.DataDictionary;
import org.fabrique.diff.dictionary.DictionaryChange;
import org.fabrique.diff.dictionary.DictionaryComparer;
import org.fabrique.diff.dictionary.DictionaryDiffReport;
import org.fabrique.diff.dictionary.DictionaryReader;
import org.fabrique.diff.report.InputProblem;

/**
 * Compares two versions of a data dictionary (REDCap data dictionary, OMOP CDM field-level CSV, or
 * a generic codebook): variables added, removed, renamed, relabelled, retyped; choice lists
 * changed; identifier flags changed.
 */
public final class DictionaryDiff {

  /**
   * @throws DiffInputException when a file cannot be read or is not a data dictionary
   */
  public DictionaryDiffReport compare(Path oldFile, Path newFile) {
    DataDictionary before = DictionaryReader.read(oldFile);
    DataDictionary after = DictionaryReader.read(newFile);
    List<DictionaryChange> changes = DictionaryComparer.compare(before, after);
    Map<String, Long> counts = new TreeMap<>();
    changes.forEach(change -> counts.merge(change.kind(), 1L, Long::sum));
    List<InputProblem> problems = new ArrayList<>(before.problems());
    problems.addAll(after.problems());
    return new DictionaryDiffReport(
        DictionaryDiffReport.FORMAT_VERSION,
        oldFile.getFileName().toString(),
        newFile.getFileName().toString(),
        before.format(),
        after.format(),
        before.variables().size(),
        after.variables().size(),
        counts,
        changes,
        problems);
  }
}
