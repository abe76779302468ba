package org.fabrique.core.testing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeChange;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodeTree;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.CodingStore;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.inquiry.InquiryId;

/** Codes, segments and codings in memory, indexed like the database indexes them. */
final class MemoryCodingStore implements CodingStore {
  private static final Comparator<CodedSpan> BY_POSITION =
      Comparator.comparingInt(CodedSpan::start)
          .thenComparingInt(CodedSpan::end)
          .thenComparingLong(s -> s.codingId().value());

  private final MemoryCorpusStore corpus;
  private final Table<CodeId, Code> codes;
  private final Table<SegmentId, Segment> segments;
  private final Table<CodingId, Coding> codings;
  private final Table.Index<SourceId, SegmentId> segmentsBySource;
  private final Table.Index<SegmentId, CodingId> codingsBySegment;
  private final Table.Index<CodeId, CodingId> codingsByCode;

  MemoryCodingStore(Journal journal, MemoryCorpusStore corpus) {
    this.corpus = corpus;
    codes = new Table<>(journal);
    segments = new Table<>(journal);
    codings = new Table<>(journal);
    segmentsBySource = new Table.Index<>(journal);
    codingsBySegment = new Table.Index<>(journal);
    codingsByCode = new Table.Index<>(journal);
  }

  @Override
  public void insertCode(Code code) {
    codes.insert(code.id(), code);
  }

  @Override
  public void updateCode(Code code) {
    codes.update(code.id(), code, "Code " + code.id());
  }

  @Override
  public void changeCode(CodeId id, CodeChange change) {
    Code current =
        codes.get(id).orElseThrow(() -> new ConflictException("Code " + id + " no longer exists"));
    if (!change.setsNothing()) {
      updateCode(change.appliedTo(current));
    }
  }

  @Override
  public void deleteCode(CodeId id) {
    boolean referenced =
        !codingsByCode.get(id).isEmpty()
            || codes.values().stream().anyMatch(c -> c.parentId().equals(Optional.of(id)));
    if (codes.get(id).isPresent() && referenced) {
      throw MemoryRules.brokenReference();
    }
    codes.delete(id, "Code " + id);
  }

  @Override
  public Optional<Code> findCode(CodeId id) {
    return codes.get(id);
  }

  @Override
  public List<Code> listCodes(InquiryId inquiry) {
    return CodeTree.depthFirst(
        codes.values().stream()
            .filter(c -> c.inquiryId().equals(inquiry))
            .sorted(Comparator.comparingInt(Code::position).thenComparingLong(c -> c.id().value()))
            .toList());
  }

  @Override
  public void insertSegment(Segment segment) {
    if (corpus.findSource(segment.sourceId()).isEmpty()) {
      throw MemoryRules.brokenReference();
    }
    if (findSegment(segment.sourceId(), segment.start(), segment.end()).isPresent()) {
      throw new ConflictException("This passage of the source already has a segment");
    }
    segments.insert(segment.id(), segment);
    segmentsBySource.add(segment.sourceId(), segment.id());
  }

  @Override
  public void deleteSegment(SegmentId id) {
    Segment segment =
        segments
            .get(id)
            .orElseThrow(() -> new ConflictException("Segment " + id + " no longer exists"));
    if (!codingsBySegment.get(id).isEmpty()) {
      throw MemoryRules.brokenReference();
    }
    segmentsBySource.remove(segment.sourceId(), id);
    segments.remove(id);
  }

  /** Whether segments of the source are kept (deleting the source is then refused). */
  boolean hasSegments(SourceId source) {
    return !segmentsBySource.get(source).isEmpty();
  }

  @Override
  public Optional<Segment> findSegment(SegmentId id) {
    return segments.get(id);
  }

  @Override
  public Optional<Segment> findSegment(SourceId source, int start, int end) {
    return segmentsOf(source).stream()
        .filter(s -> s.start() == start && s.end() == end)
        .findFirst();
  }

  @Override
  public List<Segment> segmentsOf(SourceId source) {
    return segmentsBySource.get(source).stream()
        .map(id -> segments.get(id).orElseThrow())
        .sorted(
            Comparator.comparingInt(Segment::start)
                .thenComparingInt(Segment::end)
                .thenComparingLong(s -> s.id().value()))
        .toList();
  }

  @Override
  public void insertCoding(Coding coding) {
    if (segments.get(coding.segmentId()).isEmpty() || codes.get(coding.codeId()).isEmpty()) {
      throw MemoryRules.brokenReference();
    }
    requireUnique(coding);
    codings.insert(coding.id(), coding);
    codingsBySegment.add(coding.segmentId(), coding.id());
    codingsByCode.add(coding.codeId(), coding.id());
  }

  @Override
  public void updateCoding(Coding coding) {
    Coding before =
        codings
            .get(coding.id())
            .orElseThrow(
                () -> new ConflictException("Coding " + coding.id() + " no longer exists"));
    if (codes.get(coding.codeId()).isEmpty()) {
      throw MemoryRules.brokenReference();
    }
    requireUnique(coding);
    codingsByCode.remove(before.codeId(), before.id());
    codings.put(coding.id(), coding);
    codingsByCode.add(coding.codeId(), coding.id());
  }

  /** One coding of a passage per code and coder, as the database's unique constraint wants. */
  private void requireUnique(Coding coding) {
    boolean taken =
        codingsOfSegment(coding.segmentId()).stream()
            .anyMatch(
                c ->
                    !c.id().equals(coding.id())
                        && c.codeId().equals(coding.codeId())
                        && c.coderId().equals(coding.coderId()));
    if (taken) {
      throw new ConflictException("This passage is already coded with this code by this coder");
    }
  }

  @Override
  public void deleteCoding(CodingId id) {
    Coding coding =
        codings
            .get(id)
            .orElseThrow(() -> new ConflictException("Coding " + id + " no longer exists"));
    codingsBySegment.remove(coding.segmentId(), id);
    codingsByCode.remove(coding.codeId(), id);
    codings.remove(id);
  }

  @Override
  public Optional<Coding> findCoding(CodingId id) {
    return codings.get(id);
  }

  @Override
  public List<Coding> codingsOfSegment(SegmentId segment) {
    return byId(codingsBySegment.get(segment));
  }

  @Override
  public List<Coding> codingsOfSource(SourceId source) {
    return segmentsBySource.get(source).stream()
        .sorted(Comparator.comparingLong(SegmentId::value))
        .flatMap(segment -> codingsOfSegment(segment).stream())
        .toList();
  }

  @Override
  public List<Coding> codingsOfCode(CodeId code) {
    return byId(codingsByCode.get(code));
  }

  private List<Coding> byId(List<CodingId> ids) {
    return ids.stream()
        .sorted(Comparator.comparingLong(CodingId::value))
        .map(id -> codings.get(id).orElseThrow())
        .toList();
  }

  @Override
  public List<CodedSpan> spans(SourceId source, int from, int to) {
    return segmentsOf(source).stream()
        .filter(s -> s.start() < to && s.end() > from)
        .flatMap(s -> codingsOfSegment(s.id()).stream().map(c -> CodedSpan.of(s, c)))
        .sorted(BY_POSITION)
        .toList();
  }

  @Override
  public List<CodedSpan> spansOfCode(CodeId code) {
    return codingsOfCode(code).stream()
        .map(c -> CodedSpan.of(segments.get(c.segmentId()).orElseThrow(), c))
        .sorted(
            Comparator.comparingLong((CodedSpan s) -> s.sourceId().value())
                .thenComparing(BY_POSITION))
        .toList();
  }

  @Override
  public void forEachSpan(InquiryId inquiry, Consumer<CodedSpan> consumer) {
    for (Source source : corpus.listSources(inquiry)) {
      spans(source.id(), 0, Integer.MAX_VALUE).forEach(consumer);
    }
  }

  @Override
  public Map<CodeId, Integer> codingCounts(InquiryId inquiry) {
    Map<CodeId, Integer> counts = new HashMap<>();
    forEachSpan(inquiry, s -> counts.merge(s.codeId(), 1, Integer::sum));
    return counts;
  }

  @Override
  public Map<SourceId, Integer> codingCountsBySource(InquiryId inquiry) {
    Map<SourceId, Integer> counts = new HashMap<>();
    forEachSpan(inquiry, s -> counts.merge(s.sourceId(), 1, Integer::sum));
    return counts;
  }
}
