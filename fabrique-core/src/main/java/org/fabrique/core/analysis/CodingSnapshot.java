package org.fabrique.core.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.user.UserId;

/**
 * The codings of an inquiry in scope, grouped by segment and indexed by source and by code. Built
 * once per analysis from {@link CodedSpan}s, it holds no text.
 */
public final class CodingSnapshot {
  /** Orders segments by source, start, end and id. */
  public static final Comparator<CodedSegment> IN_TEXT_ORDER =
      Comparator.comparingLong((CodedSegment s) -> s.sourceId().value())
          .thenComparingInt(CodedSegment::start)
          .thenComparingInt(CodedSegment::end)
          .thenComparingLong(s -> s.id().value());

  private final List<CodedSpan> spans;
  private final Map<SegmentId, CodedSegment> segments;
  private final Map<SourceId, List<CodedSegment>> bySource;
  private final Map<CodeId, List<CodedSegment>> byCode;

  private CodingSnapshot(List<CodedSpan> spans) {
    this.spans = List.copyOf(spans);
    Map<SegmentId, List<CodedSpan>> grouped = new LinkedHashMap<>();
    for (CodedSpan span : spans) {
      grouped.computeIfAbsent(span.segmentId(), k -> new ArrayList<>()).add(span);
    }
    Map<SegmentId, CodedSegment> all = new HashMap<>();
    for (Map.Entry<SegmentId, List<CodedSpan>> entry : grouped.entrySet()) {
      CodedSpan first = entry.getValue().get(0);
      Set<CodeId> codes = new HashSet<>();
      Set<UserId> coders = new HashSet<>();
      for (CodedSpan span : entry.getValue()) {
        codes.add(span.codeId());
        coders.add(span.coderId());
      }
      all.put(
          entry.getKey(),
          new CodedSegment(
              entry.getKey(), first.sourceId(), first.start(), first.end(), codes, coders));
    }
    this.segments = all;
    List<CodedSegment> ordered = new ArrayList<>(all.values());
    ordered.sort(IN_TEXT_ORDER);
    Map<SourceId, List<CodedSegment>> sources = new LinkedHashMap<>();
    Map<CodeId, List<CodedSegment>> codes = new HashMap<>();
    for (CodedSegment segment : ordered) {
      sources.computeIfAbsent(segment.sourceId(), k -> new ArrayList<>()).add(segment);
      for (CodeId code : segment.codes()) {
        codes.computeIfAbsent(code, k -> new ArrayList<>()).add(segment);
      }
    }
    this.bySource = sources;
    this.byCode = codes;
  }

  /** A snapshot of the given codings, which the caller has already restricted to its scope. */
  public static CodingSnapshot of(Collection<CodedSpan> spans) {
    return new CodingSnapshot(List.copyOf(spans));
  }

  /** The codings themselves, one per code and coder. */
  public List<CodedSpan> spans() {
    return spans;
  }

  public CodedSegment segment(SegmentId id) {
    return segments.get(id);
  }

  public int size() {
    return segments.size();
  }

  /** The coded sources, by id. */
  public Set<SourceId> sources() {
    return bySource.keySet();
  }

  /** The segments of a source in text order. */
  public List<CodedSegment> segmentsOf(SourceId source) {
    return bySource.getOrDefault(source, List.of());
  }

  /** The segments carrying a code, in text order. */
  public List<CodedSegment> segmentsWith(CodeId code) {
    return byCode.getOrDefault(code, List.of());
  }

  /** Every segment in text order. */
  public List<CodedSegment> allSegments() {
    List<CodedSegment> all = new ArrayList<>(segments.size());
    bySource.values().forEach(all::addAll);
    return all;
  }
}
