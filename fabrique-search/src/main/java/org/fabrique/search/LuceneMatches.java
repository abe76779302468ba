package org.fabrique.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.search.DocumentKey;

/**
 * Where a text query matches in a document found: its spans (UTF-16, within the turns of the
 * speakers asked for) and what a hit needs of the document's stored fields.
 */
final class LuceneMatches {
  private LuceneMatches() {}

  static Weight textWeight(IndexSearcher searcher, Query text) throws IOException {
    return searcher.createWeight(searcher.rewrite(text), ScoreMode.COMPLETE_NO_SCORES, 1);
  }

  /**
   * The UTF-16 spans of the matches of the text query in a document, sorted, overlaps merged; with
   * speakers, only those within one of their turns.
   */
  static List<int[]> spans(IndexSearcher searcher, Weight weight, int doc, List<String> speakers)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Matches matches = weight.matches(leaf, doc - leaf.docBase);
    List<int[]> spans = new ArrayList<>();
    if (matches == null) {
      return spans;
    }
    for (String field : Analyzers.MATCHED_FIELDS) {
      MatchesIterator iterator = matches.getMatches(field);
      if (iterator == null) {
        continue;
      }
      while (iterator.next()) {
        if (iterator.startOffset() >= 0) {
          spans.add(new int[] {iterator.startOffset(), iterator.endOffset()});
        }
      }
    }
    if (!speakers.isEmpty()) {
      List<int[]> turns = turnsOf(searcher, doc, speakers);
      spans.removeIf(span -> turns.stream().noneMatch(t -> t[0] <= span[0] && span[1] <= t[1]));
    }
    spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    List<int[]> merged = new ArrayList<>();
    for (int[] span : spans) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && span[0] < last[1]) {
        last[1] = Math.max(last[1], span[1]);
      } else {
        merged.add(span);
      }
    }
    return merged;
  }

  /** The UTF-16 spans of the turns of these speakers in a document. */
  private static List<int[]> turnsOf(IndexSearcher searcher, int doc, List<String> speakers)
      throws IOException {
    String stored =
        searcher.storedFields().document(doc, Set.of(LuceneFields.TURNS)).get(LuceneFields.TURNS);
    List<int[]> turns = new ArrayList<>();
    if (stored == null) {
      return turns;
    }
    for (String line : stored.split("\n")) {
      String[] parts = line.split("\t", 3);
      if (parts.length == 3 && QueryTranslator.speaks(parts[2], speakers)) {
        turns.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
      }
    }
    return turns;
  }

  /** What a hit needs of its document. */
  record Stored(
      DocumentKey key, String title, Optional<SourceId> sourceId, int offset, String text) {}

  static Stored stored(IndexSearcher searcher, int doc) throws IOException {
    Document document = searcher.storedFields().document(doc);
    String text = "";
    for (String field : Analyzers.ALL_TEXT_FIELDS) {
      String value = document.get(field);
      if (value != null) {
        text = value;
      }
    }
    String source = document.get(LuceneFields.SOURCE);
    return new Stored(
        DocumentKey.parse(document.get(LuceneFields.KEY)),
        document.get(LuceneFields.TITLE),
        source == null ? Optional.empty() : Optional.of(new SourceId(Long.parseLong(source))),
        Integer.parseInt(document.get(LuceneFields.OFFSET)),
        text);
  }
}
