package org.fabrique.core.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.error.Problem;

/**
 * The data-loss report of an import or an export (section 7 of the REFI-QDA specification): what
 * was lost, first, then what was carried, and everything that could not be carried or had to be
 * changed.
 *
 * @param operation what was done, e.g. "Import of a REFI-QDA project"
 * @param fileName the exchanged file's name, without its folder
 * @param counts what was carried, by kind ("sources" → 12), in a stable order
 * @param problems what was not carried (ERROR), changed (WARNING) or worth knowing (INFO)
 * @param lost what was in the file and is not in the result, by kind ("codings" → 303), codings
 *     first
 * @param reportFile where the report was written, once it was
 */
public record ExchangeReport(
    String operation,
    String fileName,
    Map<String, Integer> counts,
    List<Problem> problems,
    Map<String, Integer> lost,
    Optional<Path> reportFile) {
  /** The kinds whose losses matter most to a researcher, in the order the summary names them. */
  private static final List<String> FIRST = List.of("codings", "selections", "sources");

  public ExchangeReport {
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    problems = List.copyOf(problems);
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (String kind : FIRST) {
      if (lost.containsKey(kind)) {
        ordered.put(kind, lost.get(kind));
      }
    }
    lost.forEach(ordered::putIfAbsent);
    ordered.values().removeIf(n -> n == 0);
    lost = Collections.unmodifiableMap(ordered);
  }

  /** A report that counts no losses of its own (those of its problems are in its lines). */
  public ExchangeReport(
      String operation, String fileName, Map<String, Integer> counts, List<Problem> problems) {
    this(operation, fileName, counts, problems, Map.of(), Optional.empty());
  }

  /** A report not written yet. */
  public ExchangeReport(
      String operation,
      String fileName,
      Map<String, Integer> counts,
      List<Problem> problems,
      Map<String, Integer> lost) {
    this(operation, fileName, counts, problems, lost, Optional.empty());
  }

  /**
   * The report of a file that was refused: nothing was imported, and why ({@code reason}, as the
   * refusal says it).
   */
  public static ExchangeReport refusal(String operation, String fileName, String reason) {
    return new ExchangeReport(
        operation,
        fileName,
        Map.of(),
        List.of(Problem.error(fileName, reason + ". Nothing was imported.")));
  }

  /** The same report, written to this file. */
  public ExchangeReport writtenTo(Path file) {
    return new ExchangeReport(operation, fileName, counts, problems, lost, Optional.of(file));
  }

  public List<Problem> problems(Problem.Severity severity) {
    return problems.stream().filter(p -> p.severity() == severity).toList();
  }

  /** True when nothing was lost or changed (INFO lines aside). */
  public boolean lossless() {
    return lost.isEmpty() && problems.stream().allMatch(p -> p.severity() == Problem.Severity.INFO);
  }

  /**
   * One sentence, losses first: "303 of 303 codings lost, 303 of 303 selections lost; 4 items not
   * carried and 2 changes listed in the report", or "nothing lost or changed".
   */
  public String summary() {
    return summary(ReportWording.ENGLISH);
  }

  /** The summary in a wording. */
  public String summary(ReportWording wording) {
    if (lossless()) {
      return wording.nothingLostOrChanged();
    }
    List<String> parts = new ArrayList<>();
    lost.forEach((kind, n) -> parts.add(wording.lost(kind, n, n + counts.getOrDefault(kind, 0))));
    String losses = parts.isEmpty() ? wording.noMainLoss() : String.join(", ", parts);
    return wording.summary(
        losses, problems(Problem.Severity.ERROR).size(), problems(Problem.Severity.WARNING).size());
  }

  /** The report as Markdown, to write beside the file and to show after the operation. */
  public String toMarkdown() {
    return toMarkdown(ReportWording.ENGLISH);
  }

  /**
   * The report as Markdown in a wording; what is data (the file's name, the locations of problems)
   * is written as it is.
   */
  public String toMarkdown(ReportWording wording) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(wording.title(operation, fileName)).append("\n\n");
    out.append("**").append(capitalised(summary(wording))).append(".**\n");
    if (!lost.isEmpty()) {
      out.append("\n## ").append(wording.lostHeading()).append("\n\n");
      lost.forEach(
          (kind, count) ->
              out.append("- ")
                  .append(wording.lostLine(kind, count, count + counts.getOrDefault(kind, 0)))
                  .append('\n'));
    }
    out.append("\n## ").append(wording.carriedHeading()).append("\n\n");
    if (counts.isEmpty()) {
      out.append(wording.nothingCarried()).append('\n');
    }
    counts.forEach(
        (kind, count) -> out.append("- ").append(wording.carriedLine(kind, count)).append('\n'));
    for (Problem.Severity severity :
        List.of(Problem.Severity.ERROR, Problem.Severity.WARNING, Problem.Severity.INFO)) {
      section(out, wording, severity);
    }
    if (lossless()) {
      out.append('\n').append(wording.lossless()).append('\n');
    }
    return out.toString();
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private void section(StringBuilder out, ReportWording wording, Problem.Severity severity) {
    List<Problem> found = problems(severity);
    if (found.isEmpty()) {
      return;
    }
    out.append("\n## ").append(wording.section(severity, found.size())).append("\n\n");
    for (Problem problem : found) {
      out.append("- `").append(problem.location().replace("`", "'")).append("`: ");
      out.append(wording.problem(problem.message()).replace("\n", " ")).append('\n');
    }
  }
}
