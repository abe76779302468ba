package org.fabrique.web.coding;

import java.util.ArrayList;
import java.util.List;
import org.fabrique.core.coding.CodeNode;

/** The codebook tree flattened for pages: each code with its depth, in tree order. */
public final class Codebooks {
  private Codebooks() {}

  /** A code of the tree at a depth, with its place among its siblings. */
  public record Row(CodeNode node, int depth, boolean first, boolean last) {
    public long id() {
      return node.code().id().value();
    }
  }

  public static List<Row> flatten(List<CodeNode> tree) {
    List<Row> rows = new ArrayList<>();
    add(tree, 0, rows);
    return List.copyOf(rows);
  }

  private static void add(List<CodeNode> nodes, int depth, List<Row> rows) {
    for (int i = 0; i < nodes.size(); i++) {
      CodeNode node = nodes.get(i);
      rows.add(new Row(node, depth, i == 0, i == nodes.size() - 1));
      add(node.children(), depth + 1, rows);
    }
  }

  /** The codes one may code with, in tree order. */
  public static List<Row> codable(List<CodeNode> tree) {
    return flatten(tree).stream().filter(r -> r.node().code().codable()).toList();
  }
}
