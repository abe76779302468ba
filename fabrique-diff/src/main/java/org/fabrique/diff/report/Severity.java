package org.fabrique.diff.report;

/** How much a problem found while reading an input weakens the diff. */
public enum Severity {
  /** Worth knowing, the diff is unaffected (for example, the encoding that was guessed). */
  INFO,
  /** Part of the input was repaired or skipped; the diff goes on around it. */
  WARNING,
  /** The input, or part of it, could not be read; the diff is partial or empty. */
  ERROR
}
