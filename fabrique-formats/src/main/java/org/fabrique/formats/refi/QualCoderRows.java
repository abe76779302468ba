package org.fabrique.formats.refi;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** How the rows of a QualCoder database are read: texts, numbers, dates and derived GUIDs. */
final class QualCoderRows {
  private QualCoderRows() {}

  static String text(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null
        ? ""
        : value instanceof byte[] bytes
            ? new String(bytes, StandardCharsets.UTF_8)
            : value.toString();
  }

  static Optional<Long> number(Map<String, Object> row, String column) {
    Object value = row.get(column);
    if (value instanceof Number n) {
      return Optional.of(n.longValue());
    }
    try {
      return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.toString()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A GUID for a row, the same at every reading of the same project. */
  static String guid(String kind, Object id) {
    return UUID.nameUUIDFromBytes(("qualcoder/" + kind + "/" + id).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** A QualCoder date ({@code 2021-05-04 09:30:00}) as a REFI date-time. */
  static Optional<String> date(String value) {
    String v = value.strip();
    if (v.length() >= 19 && (v.charAt(10) == ' ' || v.charAt(10) == '_')) {
      return Optional.of(v.substring(0, 10) + "T" + v.substring(11, 19));
    }
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** Where a row is, for the import report: the file, the table and the row's id. */
  static String where(String file, String table, Object id) {
    return file + ": " + table + " " + id;
  }
}
