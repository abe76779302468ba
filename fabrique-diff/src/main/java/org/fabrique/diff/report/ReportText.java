package org.fabrique.diff.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Words shared by the human-readable reports. */
public final class ReportText {
  private ReportText() {}

  static String title(String type) {
    return switch (type) {
      case "recoding" -> "Recoding";
      case "generalisation" -> "Generalisation";
      case "pseudonymisation" -> "Pseudonymisation";
      case "suppression" -> "Suppression";
      case "noise" -> "Noise";
      case "row-filter" -> "Rows removed";
      case "rows-added" -> "Rows added";
      case "column-added" -> "Column added";
      case "column-removed" -> "Column removed";
      case "column-renamed" -> "Column renamed";
      case "type-change" -> "Type changed";
      case "date-shift" -> "Dates shifted";
      case "format-change" -> "Format changed";
      case "distribution-shift" -> "Distribution shift";
      case "unit-conversion" -> "Unit or scale changed";
      case "top-coding" -> "Top coding";
      case "bottom-coding" -> "Bottom coding";
      case "column-split" -> "Column split";
      case "column-merge" -> "Columns concatenated";
      default -> type;
    };
  }

  /** A column's fate in words. */
  static String change(String change) {
    return switch (change) {
      case "renamed-transformed" -> "renamed and transformed";
      case "renamed-edited" -> "renamed and edited";
      default -> change;
    };
  }

  static String headline(DiffReport report) {
    if (report.identical()) {
      return "The two versions are identical.";
    }
    RowSummary rows = report.rows();
    int found = report.interventions().size();
    return found
        + (found == 1 ? " intervention detected; " : " interventions detected; ")
        + rows.removed()
        + (rows.removed() == 1 ? " row removed, " : " rows removed, ")
        + rows.added()
        + " added, "
        + rows.changed()
        + " edited, "
        + rows.unchanged()
        + " unchanged"
        + duplicates(rows)
        + ".";
  }

  /** The rows no pairing could place, because their key is not unique. */
  static String duplicates(RowSummary rows) {
    if (rows.duplicateRowsOld() + rows.duplicateRowsNew() == 0) {
      return "";
    }
    return "; "
        + rows.duplicateRowsOld()
        + " old and "
        + rows.duplicateRowsNew()
        + " new rows not paired because their key is duplicated ("
        + rows.duplicateKeysOld()
        + " keys repeated in the old version, "
        + rows.duplicateKeysNew()
        + " in the new one)";
  }

  /** The cap on the cell-level view, when it left rows out; else empty. */
  public static String detailCap(DetailSelection selection) {
    if (!selection.truncated()) {
      return "";
    }
    return "The cell-level view (daff) holds "
        + (selection.editedShown() + selection.addedShown() + selection.removedShown())
        + " of "
        + (selection.edited() + selection.added() + selection.removed())
        + " changed rows (at most "
        + selection.limit()
        + ", --max-rows): "
        + selection.editedShown()
        + " of "
        + selection.edited()
        + " edited, "
        + selection.addedShown()
        + " of "
        + selection.added()
        + " added, "
        + selection.removedShown()
        + " of "
        + selection.removed()
        + " removed.";
  }

  static String alignment(RowSummary rows) {
    return switch (rows.alignment()) {
      case "given-key" -> "rows aligned on the given key " + String.join(", ", rows.keyColumns());
      case "discovered-key" ->
          "rows aligned on the discovered key " + String.join(", ", rows.keyColumns());
      default -> "no key: rows aligned by their whole content";
    };
  }

  /** A parameter value in one line (nested lists and maps are flattened). */
  static String value(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(entry -> entry.getKey() + ": " + value(entry.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ReportText::value).collect(Collectors.joining("; ", "[", "]"));
    }
    return String.valueOf(value);
  }

  static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.0f%%", share * 100);
  }
}
