package org.fabrique.diff.report;

import java.util.List;

/**
 * How the rows of the two versions were aligned and what became of them.
 *
 * @param alignment {@code given-key}, {@code discovered-key} or {@code row-hash}
 * @param keyColumns the key columns (empty for row-hash alignment)
 * @param matched rows paired between the versions
 * @param unchanged paired rows whose compared cells are all equal
 * @param changed paired rows with at least one edited cell
 * @param removed rows of the old version with no partner
 * @param added rows of the new version with no partner
 * @param duplicateKeysOld keys found on several rows of the old version (these rows are never
 *     paired)
 * @param duplicateKeysNew keys found on several rows of the new version
 * @param duplicateRowsOld rows of the old version left unpaired because their key is duplicated (in
 *     either version): {@code matched + removed + duplicateRowsOld} is the old row count
 * @param duplicateRowsNew rows of the new version left unpaired because their key is duplicated:
 *     {@code matched + added + duplicateRowsNew} is the new row count
 * @param duplicateSamples a few duplicated key values
 */
public record RowSummary(
    String alignment,
    List<String> keyColumns,
    long matched,
    long unchanged,
    long changed,
    long removed,
    long added,
    long duplicateKeysOld,
    long duplicateKeysNew,
    long duplicateRowsOld,
    long duplicateRowsNew,
    List<String> duplicateSamples) {

  public RowSummary {
    keyColumns = List.copyOf(keyColumns);
    duplicateSamples = List.copyOf(duplicateSamples);
  }
}
