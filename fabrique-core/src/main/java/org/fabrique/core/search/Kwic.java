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

  /**
   * A concordance line for the span {@code [start, end)} of a text, its context kept within {@code
   * [lower, upper)} (a segment of the text); positions are those of the text.
   */
  static KwicLine within(
      DocumentKey document,
      String title,
      Optional<SourceId> sourceId,
      PlainText text,
      int lower,
      int upper,
      int start,
      int end,
      int context) {
    int low = Math.max(0, Math.min(lower, text.length()));
    int high = Math.max(low, Math.min(upper, text.length()));
    int s = Math.max(low, Math.min(start, high));
    int e = Math.max(s, Math.min(end, high));
    int from = Math.max(low, s - context);
    int to = Math.min(high, e + context);
    return new KwicLine(
        document,
        title,
        sourceId,
        s,
        e,
        flat(s > from ? text.substring(from, s) : ""),
        flat(text.substring(s, e)),
        flat(to > e ? text.substring(e, to) : ""));
  }

  private static String flat(String text) {
    return text.replace('\n', ' ').replace('\t', ' ');
  }
}
