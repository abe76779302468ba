package org.fabrique.core.coding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.InquiryId;

/** Where codes, segments and codings are kept. */
public interface CodingStore {
  void insertCode(Code code);

  /** Writes every column of a code. */
  void updateCode(Code code);

  /**
   * Writes only the fields a change sets, leaving the others as they are in the database, so that a
   * concurrent change of another field is kept.
   *
   * @throws org.fabrique.core.error.ConflictException when the code no longer exists
   */
  void changeCode(CodeId id, CodeChange change);

  void deleteCode(CodeId id);

  Optional<Code> findCode(CodeId id);

  /** All codes of an inquiry, parents before children, siblings by position. */
  List<Code> listCodes(InquiryId inquiry);

  void insertSegment(Segment segment);

  void deleteSegment(SegmentId id);

  Optional<Segment> findSegment(SegmentId id);

  Optional<Segment> findSegment(SourceId source, int start, int end);

  List<Segment> segmentsOf(SourceId source);

  void insertCoding(Coding coding);

  void updateCoding(Coding coding);

  void deleteCoding(CodingId id);

  Optional<Coding> findCoding(CodingId id);

  List<Coding> codingsOfSegment(SegmentId segment);

  List<Coding> codingsOfCode(CodeId code);

  /** Every coding of a source's segments, by segment then id (one query for exports). */
  List<Coding> codingsOfSource(SourceId source);

  /** The codings of a source whose segments overlap {@code [from, to)}, by start then end. */
  List<CodedSpan> spans(SourceId source, int from, int to);

  /** The codings of a code, by source then start. */
  List<CodedSpan> spansOfCode(CodeId code);

  /** Every coding of an inquiry, by source then start, without holding them all in memory. */
  void forEachSpan(InquiryId inquiry, Consumer<CodedSpan> consumer);

  /** The number of codings of each code of an inquiry that has any. */
  Map<CodeId, Integer> codingCounts(InquiryId inquiry);

  /** The number of codings of each source of an inquiry that has any. */
  Map<SourceId, Integer> codingCountsBySource(InquiryId inquiry);
}
