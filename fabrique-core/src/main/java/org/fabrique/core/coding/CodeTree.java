package org.fabrique.core.coding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The order in which a codebook is listed: each parent before its children, depth first. */
public final class CodeTree {
  private CodeTree() {}

  /**
   * Orders codes depth first, each parent before its children and siblings in the order given.
   * Codes whose parent is missing are roots; codes caught in a cycle come after the tree.
   *
   * @param bySiblingPosition the codes of one inquiry, by sibling position then id
   */
  public static List<Code> depthFirst(List<Code> bySiblingPosition) {
    Map<Optional<CodeId>, List<Code>> children = new LinkedHashMap<>();
    Set<CodeId> present = new HashSet<>();
    for (Code code : bySiblingPosition) {
      present.add(code.id());
    }
    for (Code code : bySiblingPosition) {
      Optional<CodeId> parent = code.parentId().filter(present::contains);
      children.computeIfAbsent(parent, p -> new ArrayList<>()).add(code);
    }
    List<Code> ordered = new ArrayList<>(bySiblingPosition.size());
    Set<CodeId> placed = new HashSet<>();
    appendSubtrees(children.getOrDefault(Optional.empty(), List.of()), children, placed, ordered);
    for (Code code : bySiblingPosition) {
      if (!placed.contains(code.id())) {
        appendSubtrees(List.of(code), children, placed, ordered);
      }
    }
    return ordered;
  }

  private static void appendSubtrees(
      List<Code> siblings,
      Map<Optional<CodeId>, List<Code>> children,
      Set<CodeId> placed,
      List<Code> ordered) {
    for (Code code : siblings) {
      if (placed.add(code.id())) {
        ordered.add(code);
        appendSubtrees(
            children.getOrDefault(Optional.of(code.id()), List.of()), children, placed, ordered);
      }
    }
  }
}
