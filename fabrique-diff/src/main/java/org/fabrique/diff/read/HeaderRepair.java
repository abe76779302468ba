package org.fabrique.diff.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fabrique.diff.report.Severity;

/** Makes column names usable: trims them, names empty ones and makes duplicates unique. */
final class HeaderRepair {
  private HeaderRepair() {}

  static List<String> repair(List<String> raw, ProblemLog problems) {
    List<String> names = new ArrayList<>(raw.size());
    Set<String> seen = new HashSet<>();
    for (int index = 0; index < raw.size(); index++) {
      String name = raw.get(index) == null ? "" : raw.get(index).strip();
      if (name.isEmpty()) {
        name = "column_" + (index + 1);
        problems.columnProblem(
            name,
            Severity.WARNING,
            "Column " + (index + 1) + " has no name; it was called " + name);
      }
      if (!seen.add(name)) {
        String original = name;
        int suffix = 2;
        while (!seen.add(original + "_" + suffix)) {
          suffix++;
        }
        name = original + "_" + suffix;
        problems.columnProblem(
            original,
            Severity.WARNING,
            "Column name '" + original + "' appears more than once; a copy was renamed " + name);
      }
      names.add(name);
    }
    return names;
  }

  static List<String> generated(int width) {
    List<String> names = new ArrayList<>(width);
    for (int index = 0; index < width; index++) {
      names.add("column_" + (index + 1));
    }
    return names;
  }
}
