package org.fabrique.core.journey.kind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.journey.ElementId;

/**
 * What the journey graph shows of an element and filters it by: its type and status, the edges it
 * starts, the dimensions it is about, the actors named in it and when it happened.
 */
public record GraphFacts(
    String type,
    String status,
    List<GraphEdge> edges,
    Set<String> dimensions,
    Set<ElementId> actors,
    Optional<Instant> time) {
  public GraphFacts {
    type = type == null ? "" : type;
    status = status == null ? "" : status;
    edges = List.copyOf(edges);
    dimensions = Set.copyOf(dimensions);
    actors = Set.copyOf(actors);
    java.util.Objects.requireNonNull(time, "time");
  }

  public static Builder of(String type, String status) {
    return new Builder(type, status);
  }

  /** Collects the facts of one element. */
  public static final class Builder {
    private final String type;
    private final String status;
    private final List<GraphEdge> edges = new ArrayList<>();
    private final Set<String> dimensions = new LinkedHashSet<>();
    private final Set<ElementId> actors = new LinkedHashSet<>();
    private Optional<Instant> time = Optional.empty();

    private Builder(String type, String status) {
      this.type = type;
      this.status = status;
    }

    public Builder edge(ElementId from, ElementId to, String kind) {
      edges.add(new GraphEdge(from, to, kind));
      return this;
    }

    public Builder edges(ElementId from, List<ElementId> to, String kind) {
      to.forEach(t -> edge(from, t, kind));
      return this;
    }

    public Builder dimension(String dimension) {
      dimensions.add(dimension);
      return this;
    }

    public Builder actors(java.util.Collection<ElementId> ids) {
      actors.addAll(ids);
      return this;
    }

    public Builder time(Optional<Instant> when) {
      time = when;
      return this;
    }

    public GraphFacts build() {
      return new GraphFacts(type, status, edges, dimensions, actors, time);
    }
  }
}
