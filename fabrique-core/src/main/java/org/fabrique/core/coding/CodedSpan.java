package org.fabrique.core.coding;

import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.user.UserId;

/** A coding with its segment, as the document view and the exports read them. */
public record CodedSpan(
    CodingId codingId,
    SegmentId segmentId,
    SourceId sourceId,
    int start,
    int end,
    CodeId codeId,
    UserId coderId) {

  /** A coding on its segment. */
  public static CodedSpan of(Segment segment, Coding coding) {
    return new CodedSpan(
        coding.id(),
        segment.id(),
        segment.sourceId(),
        segment.start(),
        segment.end(),
        coding.codeId(),
        coding.coderId());
  }
}
