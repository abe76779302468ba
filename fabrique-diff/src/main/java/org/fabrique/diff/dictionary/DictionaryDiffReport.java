package org.fabrique.diff.dictionary;

import java.util.List;
import java.util.Map;
import org.fabrique.diff.report.InputProblem;

/**
 * The differences between two versions of a data dictionary, serialised as JSON with {@link
 * #FORMAT_VERSION}.
 *
 * @param counts number of changes of each kind
 */
public record DictionaryDiffReport(
    String formatVersion,
    String oldFile,
    String newFile,
    String oldFormat,
    String newFormat,
    int oldVariables,
    int newVariables,
    Map<String, Long> counts,
    List<DictionaryChange> changes,
    List<InputProblem> problems) {

  public static final String FORMAT_VERSION = "fabrique-dictionary-diff/1";

  public DictionaryDiffReport {
    counts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(counts));
    changes = List.copyOf(changes);
    problems = List.copyOf(problems);
  }

  public boolean identical() {
    return changes.isEmpty();
  }
}
