package org.fabrique.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;

/**
 * What a code's row of a matrix counts: the segments coded with it, or also those coded with any of
 * its sub-codes (a grouping code then shows its sub-codes' total, each segment counted once).
 */
public enum CodeCounting {
  OWN,
  WITH_SUB_CODES;

  /** For each code, the codes whose segments its row counts. */
  Function<Code, List<CodeId>> counted(List<Code> codes) {
    if (this == OWN) {
      return code -> List.of(code.id());
    }
    Map<CodeId, List<CodeId>> children = new HashMap<>();
    for (Code code : codes) {
      code.parentId()
          .ifPresent(
              parent -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(code.id()));
    }
    return code -> {
      List<CodeId> family = new ArrayList<>();
      Set<CodeId> seen = new HashSet<>();
      List<CodeId> next = new ArrayList<>(List.of(code.id()));
      while (!next.isEmpty()) {
        CodeId id = next.remove(next.size() - 1);
        // A walk of the codebook stops at a code seen twice.
        if (seen.add(id)) {
          family.add(id);
          next.addAll(children.getOrDefault(id, List.of()));
        }
      }
      return family;
    };
  }
}
