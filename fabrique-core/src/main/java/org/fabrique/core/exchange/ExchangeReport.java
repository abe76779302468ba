package org.fabrique.core.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.error.Problem;

/**
 * The data-loss report of an import or an export (section 7 of the REFI-QDA specification): what
 * was carried, and everything that could not be carried or had to be changed.
 *
 * @param operation what was done, e.g. "Import of a REFI-QDA project"
 * @param fileName the exchanged file's name, without its folder
 * @param counts what was carried, by kind ("sources" → 12), in a stable order
 * @param problems what was not carried (ERROR), changed (WARNING) or worth knowing (INFO)
 */
public record ExchangeReport(
    String operation, String fileName, Map<String, Integer> counts, List<Problem> problems) {
  public ExchangeReport {
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    problems = List.copyOf(problems);
  }

  public List<Problem> problems(Problem.Severity severity) {
    return problems.stream().filter(p -> p.severity() == severity).toList();
  }

  /** True when nothing was lost or changed (INFO lines aside). */
  public boolean lossless() {
    return problems.stream().allMatch(p -> p.severity() == Problem.Severity.INFO);
  }

  /** The report as Markdown, to write beside the file and to show after the operation. */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(operation).append(": ").append(fileName).append("\n\n");
    out.append("## Carried\n\n");
    if (counts.isEmpty()) {
      out.append("Nothing.\n");
    }
    counts.forEach(
        (kind, count) -> out.append("- ").append(kind).append(": ").append(count).append('\n'));
    section(out, "Not carried", Problem.Severity.ERROR);
    section(out, "Changed", Problem.Severity.WARNING);
    section(out, "Notes", Problem.Severity.INFO);
    if (lossless()) {
      out.append("\nNothing was lost or changed.\n");
    }
    return out.toString();
  }

  private void section(StringBuilder out, String title, Problem.Severity severity) {
    List<Problem> found = problems(severity);
    if (found.isEmpty()) {
      return;
    }
    out.append("\n## ").append(title).append(" (").append(found.size()).append(")\n\n");
    for (Problem problem : found) {
      out.append("- `").append(problem.location().replace("`", "'")).append("`: ");
      out.append(problem.message().replace("\n", " ")).append('\n');
    }
  }
}
