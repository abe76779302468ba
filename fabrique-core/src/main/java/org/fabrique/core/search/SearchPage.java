package org.fabrique.core.search;

import java.util.List;

/**
 * One page of hits.
 *
 * @param offset the index of the first line of the page among all hits
 * @param documents the number of documents with at least one hit
 * @param hits the number of hits counted; exact unless {@code hitsExact} is false, when counting
 *     stopped at a cap and there are more
 */
public record SearchPage(
    List<KwicLine> lines, int offset, int limit, long documents, long hits, boolean hitsExact) {
  public SearchPage {
    lines = List.copyOf(lines);
  }

  public boolean hasNext() {
    return offset + lines.size() < hits || (!hitsExact && lines.size() == limit);
  }
}
