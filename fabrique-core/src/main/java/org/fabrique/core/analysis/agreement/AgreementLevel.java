package org.fabrique.core.analysis.agreement;

/** What a unit of agreement is. */
public enum AgreementLevel {
  /** Every character of the sources all coders coded: coded with the code or not. */
  CHARACTER,
  /**
   * Every segment any coder coded: a coder gives it the code when they coded the code on a span
   * that overlaps it enough (Jaccard index at least the threshold).
   */
  SEGMENT
}
