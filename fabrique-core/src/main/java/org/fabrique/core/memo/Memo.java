package org.fabrique.core.memo;

import java.time.Instant;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;

/** A note attached to the inquiry, a source, a code, a segment or any other item. */
public record Memo(
    MemoId id,
    InquiryId inquiryId,
    ItemRef target,
    String title,
    String body,
    UserId authorId,
    Instant createdAt,
    Instant updatedAt) {}
