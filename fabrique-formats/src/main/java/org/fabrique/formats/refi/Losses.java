package org.fabrique.formats.refi;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an import could not carry, by kind, for the summary of its data-loss report. */
final class Losses {
  private final Map<String, Integer> lost = new LinkedHashMap<>();

  /** Counts items of a kind as lost ("codings", "selections", "sources", "notes"…). */
  void add(String kind, int count) {
    if (count > 0) {
      lost.merge(kind, count, Integer::sum);
    }
  }

  /** The codings and selections of a source that is not carried, and the source itself. */
  void source(RefiModel.Source source) {
    add("sources", 1);
    selections(source.selections());
    add("codings", source.codings().size());
  }

  /** Selections that are not carried, with their codings. */
  void selections(java.util.List<RefiModel.Selection> selections) {
    add("selections", selections.size());
    add("codings", selections.stream().mapToInt(s -> s.codings().size()).sum());
  }

  Map<String, Integer> asMap() {
    return lost;
  }
}
