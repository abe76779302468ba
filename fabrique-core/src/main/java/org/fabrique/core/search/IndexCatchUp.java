package org.fabrique.core.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.CodingOperations;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.history.CompositeOperation;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.store.Transaction;

/**
 * Brings an index up to date from the history lines written since its generation, when they only
 * add, remove or change codings (the common case while coding): only the segments they touched are
 * rebuilt. Anything else (sources, memos, attributes, the codebook, too many lines) is left to the
 * full comparison of digests.
 */
final class IndexCatchUp {
  /** History lines read at most; more means a full comparison. */
  static final int MAX_LINES = 200;

  private IndexCatchUp() {}

  /** The changes to make, or empty when only a full comparison can tell. */
  record Changes(List<IndexDocument> upserts, List<DocumentKey> deletions) {}

  static Optional<Changes> since(
      Transaction tx, InquiryId inquiry, long indexed, SourceContents contents) {
    List<HistoryEntry> lines = tx.history().recent(inquiry, MAX_LINES);
    boolean reachesBack = lines.stream().anyMatch(line -> line.id() <= indexed);
    if (!reachesBack && lines.size() >= MAX_LINES) {
      return Optional.empty();
    }
    Set<SegmentId> touched = new LinkedHashSet<>();
    for (HistoryEntry line : lines) {
      if (line.id() <= indexed) {
        continue;
      }
      if (!segmentsOf(tx, line.operation(), touched) || !segmentsOf(tx, line.inverse(), touched)) {
        return Optional.empty();
      }
    }
    List<IndexDocument> upserts = new ArrayList<>();
    List<DocumentKey> deletions = new ArrayList<>();
    Map<Long, Source> sources = new HashMap<>();
    for (SegmentId id : touched) {
      DocumentKey key = new DocumentKey(DocumentKind.SEGMENT, id.value());
      Optional<Segment> segment = tx.coding().findSegment(id);
      List<Coding> codings = segment.isPresent() ? tx.coding().codingsOfSegment(id) : List.of();
      if (segment.isEmpty() || codings.isEmpty()) {
        deletions.add(key);
        continue;
      }
      Source source =
          sources.computeIfAbsent(
              segment.get().sourceId().value(),
              s -> tx.corpus().findSource(segment.get().sourceId()).orElse(null));
      if (source == null) {
        deletions.add(key);
        continue;
      }
      List<IndexDocument.AttributeValueTerm> attributes = IndexDocuments.attributesOf(tx, source);
      List<IndexDocument.CodeCoder> pairs = new ArrayList<>();
      codings.forEach(c -> pairs.add(new IndexDocument.CodeCoder(c.codeId(), c.coderId())));
      upserts.add(
          IndexDocuments.segment(
                  source,
                  IndexDocuments.metadata(source, attributes),
                  attributes,
                  id,
                  segment.get().start(),
                  segment.get().end(),
                  pairs)
              .build()
              .apply(contents));
    }
    return Optional.of(new Changes(upserts, deletions));
  }

  /**
   * Adds the segments an operation touched; false when it is not a change of codings (or its
   * segment cannot be found), which needs a full comparison.
   */
  private static boolean segmentsOf(Transaction tx, Operation operation, Set<SegmentId> touched) {
    if (operation instanceof CompositeOperation composite) {
      for (Operation step : composite.steps()) {
        if (!segmentsOf(tx, step, touched)) {
          return false;
        }
      }
      return true;
    }
    if (operation instanceof CodingOperations.AddCoding add) {
      touched.add(add.segment().id());
      return true;
    }
    if (operation instanceof CodingOperations.RemoveCoding remove) {
      // its segment is named by the AddCoding on the other side of the same history line, or the
      // coding still exists (the line was undone)
      tx.coding().findCoding(remove.codingId()).ifPresent(c -> touched.add(c.segmentId()));
      return true;
    }
    if (operation instanceof CodingOperations.RecodeCoding recode) {
      Optional<Coding> coding = tx.coding().findCoding(recode.codingId());
      coding.ifPresent(c -> touched.add(c.segmentId()));
      return coding.isPresent();
    }
    return false;
  }
}
