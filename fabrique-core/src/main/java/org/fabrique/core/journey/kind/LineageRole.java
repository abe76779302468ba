package org.fabrique.core.journey.kind;

/** What an element kind becomes in OpenLineage. */
public enum LineageRole {
  /** A dataset (namespace and name), described by its own Fabrique dataset facet. */
  DATASET,
  /** A job and its runs, described by its own Fabrique job facet. */
  RUN,
  /**
   * An entry of a Fabrique facet on the jobs and datasets it concerns (a choice in {@code
   * fabrique_choices} on the interventions and data objects it shaped).
   */
  FACET_ENTRY
}
