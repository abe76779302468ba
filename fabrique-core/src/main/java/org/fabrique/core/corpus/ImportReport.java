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

  public List<FileOutcome> failed() {
    return files.stream().filter(f -> f.source().isEmpty()).toList();
  }

  /** The outcome for one file. */
  public record FileOutcome(String fileName, Optional<Source> source, List<Problem> problems) {
    public FileOutcome {
      problems = List.copyOf(problems);
    }
  }
}
