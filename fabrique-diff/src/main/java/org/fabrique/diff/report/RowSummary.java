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
    List<String> duplicateSamples) {

  public RowSummary {
    keyColumns = List.copyOf(keyColumns);
    duplicateSamples = List.copyOf(duplicateSamples);
  }
}
