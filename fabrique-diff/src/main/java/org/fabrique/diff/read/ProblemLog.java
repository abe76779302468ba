package org.fabrique.diff.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.diff.report.InputProblem;
import org.fabrique.diff.report.Severity;

/**
 * Collects the problems found in one input. Row-level problems of the same kind are kept up to a
 * limit and then only counted, so that a file with a million ragged rows gives a readable report.
 */
public final class ProblemLog {
  private static final int KEPT_PER_KIND = 20;

  private final String file;
  private final List<InputProblem> problems = new ArrayList<>();
  private final Map<String, Long> countsByKind = new LinkedHashMap<>();

  public ProblemLog(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  public void fileProblem(Severity severity, String message) {
    problems.add(InputProblem.ofFile(file, severity, message));
  }

  public void columnProblem(String column, Severity severity, String message) {
    problems.add(InputProblem.ofColumn(file, column, severity, message));
  }

  /**
   * Records a problem on one row.
   *
   * @param kind groups problems of one sort for the limit (for example "ragged")
   */
  public void rowProblem(String kind, long row, Severity severity, String message) {
    long seen = countsByKind.merge(kind, 1L, Long::sum);
    if (seen <= KEPT_PER_KIND) {
      problems.add(InputProblem.ofRow(file, row, severity, message));
    }
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(problem -> problem.severity() == Severity.ERROR);
  }

  /** The problems, with one closing line per kind that went over the limit. */
  public List<InputProblem> problems() {
    List<InputProblem> all = new ArrayList<>(problems);
    countsByKind.forEach(
        (kind, count) -> {
          if (count > KEPT_PER_KIND) {
            all.add(
                InputProblem.ofFile(
                    file,
                    Severity.WARNING,
                    (count - KEPT_PER_KIND)
                        + " more rows with the same problem ("
                        + kind
                        + ") were not listed; "
                        + count
                        + " in all"));
          }
        });
    return all;
  }
}
