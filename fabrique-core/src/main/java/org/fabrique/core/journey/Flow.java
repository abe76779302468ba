package org.fabrique.core.journey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One edge of the journey graph: an intervention used or generated a data object.
 *
 * @param at when: for an input, when the intervention started (else ended); for an output, when it
 *     ended (else started); empty for an undated intervention. {@link DatasetVersions} orders
 *     versions and binds reads by it.
 * @param version the version of the data object the intervention said it used or generated (the
 *     OpenLineage {@code version} dataset facet), or empty
 */
public record Flow(
    ElementId intervention,
    ElementId dataObject,
    Direction direction,
    Optional<Instant> at,
    String version) {
  public Flow {
    Objects.requireNonNull(intervention, "intervention");
    Objects.requireNonNull(dataObject, "dataObject");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(at, "at");
    version = version == null ? "" : version;
  }

  /** A flow without a time or a version. */
  public Flow(ElementId intervention, ElementId dataObject, Direction direction) {
    this(intervention, dataObject, direction, Optional.empty(), "");
  }

  /** Whether the object was an input (used) or an output (generated). */
  public enum Direction {
    INPUT,
    OUTPUT
  }
}
