package org.fabrique.formats.refi;

import static org.fabrique.formats.refi.QualCoderRows.guid;
import static org.fabrique.formats.refi.QualCoderRows.number;
import static org.fabrique.formats.refi.QualCoderRows.text;
import static org.fabrique.formats.refi.QualCoderRows.where;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.error.Problem;
import org.fabrique.formats.refi.RefiModel.Code;

/**
 * QualCoder's codebook: categories (not codable) and codes, each under its category or its code.
 */
final class QualCoderCodebook {
  private QualCoderCodebook() {}

  /**
   * The categories and codes of the rows of {@code code_cat} and {@code code_name}; those under a
   * parent that does not exist or under themselves are left out, with a problem.
   */
  static List<Code> read(
      List<Map<String, Object>> categories,
      List<Map<String, Object>> codes,
      String file,
      List<Problem> problems) {
    Map<Long, List<Map<String, Object>>> subcategories = new HashMap<>();
    Map<Long, List<Map<String, Object>>> codesInCategory = new HashMap<>();
    Map<Long, List<Map<String, Object>>> subcodes = new HashMap<>();
    List<Object[]> top = new ArrayList<>();
    for (Map<String, Object> category : categories) {
      Optional<Long> parent = number(category, "supercatid");
      if (parent.isPresent()) {
        subcategories.computeIfAbsent(parent.get(), k -> new ArrayList<>()).add(category);
      } else {
        top.add(new Object[] {"cat", category});
      }
    }
    for (Map<String, Object> code : codes) {
      Optional<Long> parentCode = number(code, "supercid");
      Optional<Long> category = number(code, "catid");
      if (parentCode.isPresent()) {
        subcodes.computeIfAbsent(parentCode.get(), k -> new ArrayList<>()).add(code);
      } else if (category.isPresent()) {
        codesInCategory.computeIfAbsent(category.get(), k -> new ArrayList<>()).add(code);
      } else {
        top.add(new Object[] {"code", code});
      }
    }
    Tree tree = new Tree(file, subcategories, codesInCategory, subcodes);
    List<Code> result = new ArrayList<>();
    for (Object[] node : top) {
      @SuppressWarnings("unchecked")
      Map<String, Object> row = (Map<String, Object>) node[1];
      result.add(node[0].equals("cat") ? tree.category(row) : tree.code(row));
    }
    int placed = tree.seen.size();
    if (placed < categories.size() + codes.size()) {
      problems.add(
          Problem.error(
              where(file, "code_name", ""),
              (categories.size() + codes.size() - placed)
                  + " code(s) or categories are under a parent that does not exist or under"
                  + " themselves: not carried"));
    }
    return result;
  }

  /** Walks the codebook from its top, each row once (a loop of parents is cut). */
  private static final class Tree {
    final String file;
    final Map<Long, List<Map<String, Object>>> subcategories;
    final Map<Long, List<Map<String, Object>>> codesInCategory;
    final Map<Long, List<Map<String, Object>>> subcodes;
    final Set<String> seen = new HashSet<>();

    Tree(
        String file,
        Map<Long, List<Map<String, Object>>> subcategories,
        Map<Long, List<Map<String, Object>>> codesInCategory,
        Map<Long, List<Map<String, Object>>> subcodes) {
      this.file = file;
      this.subcategories = subcategories;
      this.codesInCategory = codesInCategory;
      this.subcodes = subcodes;
    }

    Code category(Map<String, Object> row) {
      long id = number(row, "catid").orElse(-1L);
      seen.add("cat" + id);
      List<Code> children = new ArrayList<>();
      for (Map<String, Object> sub : subcategories.getOrDefault(id, List.of())) {
        if (!seen.contains("cat" + number(sub, "catid").orElse(-1L))) {
          children.add(category(sub));
        }
      }
      for (Map<String, Object> code : codesInCategory.getOrDefault(id, List.of())) {
        if (!seen.contains("code" + number(code, "cid").orElse(-1L))) {
          children.add(code(code));
        }
      }
      return new Code(
          guid("category", id),
          text(row, "name"),
          false,
          Optional.empty(),
          Optional.of(text(row, "memo")).filter(m -> !m.isEmpty()),
          List.of(),
          children,
          where(file, "code_cat", id));
    }

    Code code(Map<String, Object> row) {
      long id = number(row, "cid").orElse(-1L);
      seen.add("code" + id);
      List<Code> children = new ArrayList<>();
      for (Map<String, Object> sub : subcodes.getOrDefault(id, List.of())) {
        if (!seen.contains("code" + number(sub, "cid").orElse(-1L))) {
          children.add(code(sub));
        }
      }
      String colour = text(row, "color").strip().toLowerCase(Locale.ROOT);
      return new Code(
          guid("code", id),
          text(row, "name"),
          true,
          colour.matches("#[0-9a-f]{6}") ? Optional.of(colour) : Optional.empty(),
          Optional.of(text(row, "memo")).filter(m -> !m.isEmpty()),
          List.of(),
          children,
          where(file, "code_name", id));
    }
  }
}
