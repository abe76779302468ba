package org.fabrique.diff.report;

/**
 * How the rows of the cell-level view were chosen: at most {@code limit} in all, shared between
 * edited, added and removed rows.
 *
 * @param limit the most rows kept ({@code --max-rows})
 * @param edited paired rows with an edited cell
 * @param added rows of the new version only
 * @param removed rows of the old version only
 * @param editedShown edited rows kept in the view
 * @param addedShown added rows kept in the view
 * @param removedShown removed rows kept in the view
 */
public record DetailSelection(
    int limit,
    long edited,
    long added,
    long removed,
    int editedShown,
    int addedShown,
    int removedShown) {

  /** True when some changed rows were left out of the view. */
  public boolean truncated() {
    return editedShown + (long) addedShown + removedShown < edited + added + removed;
  }
}
