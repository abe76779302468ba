package org.fabrique.core.journey;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.fabrique.core.memo.ItemKind;

/**
 * How many pieces of evidence back each element of a journey, and the share of elements backed by
 * at least one. Actors are left out of the share: they are who did things, not claims about what
 * was done.
 */
public final class EvidenceCoverage {
  private final Map<ElementId, Long> counts;

  private EvidenceCoverage(Map<ElementId, Long> counts) {
    this.counts = counts;
  }

  /** The coverage given by these pieces of evidence. */
  public static EvidenceCoverage of(Collection<Evidence> evidence) {
    Map<ElementId, Long> counts = new HashMap<>();
    for (Evidence item : evidence) {
      counts.merge(new ElementId(item.element().id()), 1L, Long::sum);
    }
    return new EvidenceCoverage(counts);
  }

  /** How many pieces of evidence back an element. */
  public long count(ElementId element) {
    return counts.getOrDefault(element, 0L);
  }

  public boolean backed(ElementId element) {
    return counts.containsKey(element);
  }

  /** Whether an element is kept by a filter: "without", "with", or anything else for all. */
  public boolean keeps(ElementId element, String filter) {
    return switch (filter) {
      case "without" -> !backed(element);
      case "with" -> backed(element);
      default -> true;
    };
  }

  /** The share of these elements (actors aside) that evidence backs. */
  public Share share(Collection<? extends JourneyElement> elements) {
    int total = 0;
    int backed = 0;
    for (JourneyElement element : elements) {
      if (element.kind() == ItemKind.ACTOR) {
        continue;
      }
      total++;
      if (backed(element.id())) {
        backed++;
      }
    }
    return new Share(backed, total);
  }

  /** How many elements evidence backs, out of how many. */
  public record Share(int backed, int total) {
    /** The share in whole per cent, rounded down; 0 when there is no element. */
    public int percent() {
      return total == 0 ? 0 : (int) (100L * backed / total);
    }
  }
}
