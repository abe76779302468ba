package org.fabrique.core.journey;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.memo.ItemKind;

/**
 * A part of a journey that a page shows without reading the journey whole: the last made elements
 * of each kind (at most a limit of each, so the last made of any set of kinds are among them), and
 * how many elements of each kind there are in all.
 */
public record JourneySlice(List<JourneyElement> elements, Map<ItemKind, Long> counts) {
  public JourneySlice {
    elements = List.copyOf(elements);
    Map<ItemKind, Long> copy = new EnumMap<>(ItemKind.class);
    copy.putAll(counts);
    counts = java.util.Collections.unmodifiableMap(copy);
  }

  /** A slice that holds every element (a journey small enough, or read whole anyway). */
  public static JourneySlice whole(List<JourneyElement> elements) {
    Map<ItemKind, Long> counts = new EnumMap<>(ItemKind.class);
    elements.forEach(e -> counts.merge(e.kind(), 1L, Long::sum));
    return new JourneySlice(elements, counts);
  }

  /** How many elements of a kind there are in all. */
  public long count(ItemKind kind) {
    return counts.getOrDefault(kind, 0L);
  }

  /** How many elements there are in all. */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
