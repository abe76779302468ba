package org.fabrique.core.analysis;

import java.util.ArrayList;
import java.util.List;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SpeakerTurn;

/** The paragraphs and speaker turns of sources, for queries that look for codes close together. */
public interface TextStructure {

  /** The paragraphs of a source as spans {@code [start, end)} in code points, in text order. */
  List<Span> paragraphs(SourceId source);

  /** The speaker turns of a source (empty unless it is a transcript), in text order. */
  List<SpeakerTurn> turns(SourceId source);

  /** A span {@code [start, end)} of a text in code points. */
  record Span(int start, int end) {}

  /**
   * The paragraphs of a plain text: the lines between line breaks, blank lines skipped. Extracted
   * documents have one paragraph a line; a paragraph broken over several lines counts as several.
   */
  static List<Span> paragraphsOf(PlainText text) {
    String value = text.text();
    List<Span> paragraphs = new ArrayList<>();
    int from = 0;
    while (from <= value.length()) {
      int newline = value.indexOf('\n', from);
      int to = newline < 0 ? value.length() : newline;
      if (!value.substring(from, to).isBlank()) {
        paragraphs.add(new Span(text.toCodePoint(from), text.toCodePoint(to)));
      }
      if (newline < 0) {
        break;
      }
      from = newline + 1;
    }
    return List.copyOf(paragraphs);
  }
}
