package org.fabrique.formats.prov;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fabrique.core.journey.prov.ProvStatement;

/**
 * The PROV statements of an export, by bundle (one bundle per journey), independent of any
 * serialisation: every writer writes exactly these.
 *
 * @param elementNamespace the namespace of the prefix {@code j}
 * @param bundles statements by bundle name (a local name in the element namespace)
 */
public record ProvGraph(String elementNamespace, Map<String, List<ProvStatement>> bundles) {
  public ProvGraph {
    Map<String, List<ProvStatement>> copy = new LinkedHashMap<>();
    bundles.forEach((name, statements) -> copy.put(name, List.copyOf(statements)));
    bundles = java.util.Collections.unmodifiableMap(copy);
  }

  /** How many statements of each kind ({@code entity}, {@code used}…), all bundles together. */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    bundles.values().forEach(list -> list.forEach(s -> counts.merge(s.kind(), 1L, Long::sum)));
    return counts;
  }
}
