package org.fabrique.core.error;

import java.util.List;

/**
 * The input is malformed, hostile or outside limits (HTTP 400, CLI exit 2). When several things are
 * wrong at once (a form, a batch of events), each is one of its {@link #problems()}, with where it
 * is; the message sums them up.
 */
public class InvalidInputException extends FabriqueException {
  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public InvalidInputException(String message) {
    super(message);
    this.problems = List.of();
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
    this.problems = List.of();
  }

  /**
   * Refuses input for every problem found in it.
   *
   * @param message what was refused, for users ("The events do not conform to OpenLineage")
   * @param problems each thing that is wrong, with its location; never personal data
   */
  public InvalidInputException(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  /** What is wrong, one problem per place; empty when the message says it all. */
  public List<Problem> problems() {
    return problems;
  }
}
