package org.fabrique.diff.dictionary;

import java.util.List;
import org.fabrique.diff.report.InputProblem;

/**
 * A data dictionary read from a file.
 *
 * @param format {@code redcap}, {@code omop-field-level} or {@code codebook}
 */
public record DataDictionary(
    String format, List<DictionaryVariable> variables, List<InputProblem> problems) {

  public DataDictionary {
    variables = List.copyOf(variables);
    problems = List.copyOf(problems);
  }
}
