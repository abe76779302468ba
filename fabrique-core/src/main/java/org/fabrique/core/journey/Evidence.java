package org.fabrique.core.journey;

import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;

/**
 * A link from a journey element to a passage of a source or to a whole source. The quote is kept so
 * that the passage can be re-anchored; a passage chosen from a coded segment remembers it.
 *
 * @param span the passage, or empty for the whole source
 */
public record Evidence(
    ElementId id,
    InquiryId inquiryId,
    ItemRef element,
    SourceId sourceId,
    Optional<Span> span,
    String quote,
    Optional<SegmentId> segmentId,
    String note,
    Confidentiality confidentiality) {
  public Evidence {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(inquiryId, "inquiryId");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(span, "span");
    quote = quote == null ? "" : quote;
    Objects.requireNonNull(segmentId, "segmentId");
    note = note == null ? "" : note.strip();
    Objects.requireNonNull(confidentiality, "confidentiality");
  }

  /** Never shows the quote, which is field material. */
  @Override
  public String toString() {
    return "Evidence[" + id + " for " + element + " in source " + sourceId + "]";
  }
}
