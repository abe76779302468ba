package org.fabrique.core.corpus;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.error.Problem;

/** What became of each file of an import: its new source, or the problems that stopped it. */
public record ImportReport(List<FileOutcome> files) {
  public ImportReport {
    files = List.copyOf(files);
  }

  public List<Source> imported() {
    return files.stream().flatMap(f -> f.source().stream()).toList();
  }

  /** The files that could not be imported (an error stopped them). */
  public List<FileOutcome> failed() {
    return files.stream().filter(f -> f.source().isEmpty() && !f.skipped()).toList();
  }

  /** The files left out on purpose (already a source of the inquiry), with a warning. */
  public List<FileOutcome> skipped() {
    return files.stream().filter(FileOutcome::skipped).toList();
  }

  /** The outcome for one file. */
  public record FileOutcome(String fileName, Optional<Source> source, List<Problem> problems) {
    public FileOutcome {
      problems = List.copyOf(problems);
    }

    /** Whether the file was left out with a warning only (a duplicate), not stopped by an error. */
    public boolean skipped() {
      return source.isEmpty()
          && !problems.isEmpty()
          && problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
    }
  }
}
