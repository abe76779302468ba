package org.fabrique.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.journey.Span;

/**
 * The passages of sources that are evidence of some journey elements (those a journey query found):
 * an analysis restricted to them looks only at the coded segments that overlap one of them, or that
 * are the segment a piece of evidence was taken from. A passage without a span is the whole source.
 */
public final class EvidencePassages {
  /** A passage {@code [start, end)} of a source, or the whole source when {@code span} is empty. */
  public record Passage(SourceId source, Optional<Span> span, Optional<SegmentId> segment) {}

  private final Map<SourceId, List<Passage>> bySource = new HashMap<>();
  private int count;

  /** Adds a passage. */
  public EvidencePassages add(Passage passage) {
    bySource.computeIfAbsent(passage.source(), k -> new ArrayList<>()).add(passage);
    count++;
    return this;
  }

  /** How many passages there are. */
  public int size() {
    return count;
  }

  /** Whether a coded segment is evidence: it overlaps a passage or is a passage's segment. */
  public boolean covers(CodedSpan span) {
    for (Passage passage : bySource.getOrDefault(span.sourceId(), List.of())) {
      if (passage.segment().filter(span.segmentId()::equals).isPresent()) {
        return true;
      }
      if (passage.span().isEmpty()) {
        return true;
      }
      Span range = passage.span().get();
      if (span.start() < range.end() && range.start() < span.end()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "EvidencePassages[" + count + " in " + bySource.size() + " sources]";
  }
}
