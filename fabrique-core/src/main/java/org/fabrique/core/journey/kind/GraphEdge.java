package org.fabrique.core.journey.kind;

import java.util.Objects;
import org.fabrique.core.journey.ElementId;

/**
 * An edge of the journey graph as the interface draws it.
 *
 * @param kind {@code input}, {@code output}, {@code about}, {@code version-of}, {@code
 *     resolved-by}…
 */
public record GraphEdge(ElementId from, ElementId to, String kind) {
  public GraphEdge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
  }
}
