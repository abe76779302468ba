package org.fabrique.core.search;

import java.util.Optional;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.SourceId;

/** Cuts keyword-in-context lines out of a text, in code points. */
public final class Kwic {
  private Kwic() {}

  /**
   * A concordance line for the span {@code [start, end)} of a document's text.
   *
   * @param offset where the document's text starts in its source (a segment's start), added to the
   *     positions of the line so that they are positions in the source
   */
  public static KwicLine line(
      DocumentKey document,
      String title,
      Optional<SourceId> sourceId,
      PlainText text,
      int offset,
      int start,
      int end,
      int context) {
    int from = Math.max(0, start - context);
    int to = Math.min(text.length(), end + context);
    return new KwicLine(
        document,
        title,
        sourceId,
        offset + start,
        offset + end,
        flat(start > from ? text.substring(from, start) : ""),
        flat(text.substring(start, end)),
        flat(to > end ? text.substring(end, to) : ""));
  }

  private static String flat(String text) {
    return text.replace('\n', ' ').replace('\t', ' ');
  }
}
