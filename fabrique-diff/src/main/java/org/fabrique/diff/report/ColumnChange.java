package org.fabrique.diff.report;

import java.util.Optional;

/**
 * A change of the table's structure: a column added, removed, renamed, moved or retyped.
 *
 * @param kind {@code added}, {@code removed}, {@code renamed}, {@code reordered} or {@code
 *     type-change}
 * @param oldName the column's name in the old version, if it had one
 * @param newName the column's name in the new version, if it has one
 * @param detail a short explanation (positions, types, evidence of a rename)
 * @param confidence between 0 and 1 (1 for changes read directly from the headers)
 */
public record ColumnChange(
    String kind,
    Optional<String> oldName,
    Optional<String> newName,
    String detail,
    double confidence) {}
