package org.fabrique.web.history;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.history.Operation;
import org.fabrique.web.Page;
import org.fabrique.web.i18n.HistorySentences;
import org.fabrique.web.i18n.HistorySentences.Lookup;

/**
 * History lines as the history page shows them, in the page's language: the sentences are {@link
 * HistorySentences}', shared with the command line.
 */
public final class HistoryLines {
  private HistoryLines() {}

  /** A history line as shown on a page. */
  public record Line(long id, String text, long userId, Instant at, String kind, boolean undone) {}

  /** Describes lines given already: undo and redo lines first look for their target among them. */
  public static List<Line> of(Page page, List<HistoryEntry> entries, Lookup lookup) {
    Lookup local = lookup.among(entries);
    return entries.stream().map(e -> of(page, e, local)).toList();
  }

  public static Line of(Page page, HistoryEntry entry) {
    return of(page, entry, Lookup.NONE);
  }

  public static Line of(Page page, HistoryEntry entry, Lookup lookup) {
    return new Line(
        entry.id(),
        sentences(page).line(entry, lookup),
        entry.userId().value(),
        entry.at(),
        entry.kind().name().toLowerCase(Locale.ROOT),
        entry.kind() == HistoryEntry.Kind.DO
            && entry.status() != HistoryEntry.Status.ACTIVE
            && entry.status() != HistoryEntry.Status.SET_ASIDE);
  }

  /** The sentence for the action a line concerns ({@link HistorySentences#action}). */
  public static String action(Page page, HistoryEntry entry, Lookup lookup) {
    return sentences(page).action(entry, lookup);
  }

  /**
   * A sentence for one operation ({@link HistorySentences#describe(Operation, Optional, Lookup)}).
   */
  public static String describe(
      Page page, Operation operation, Optional<Operation> undoer, Lookup lookup) {
    return sentences(page).describe(operation, undoer, lookup);
  }

  private static HistorySentences sentences(Page page) {
    return new HistorySentences(page.messages(), page.lang());
  }
}
