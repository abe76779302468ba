package org.fabrique.core.coding;

import java.time.Instant;
import org.fabrique.core.user.UserId;

/** A code applied to a segment by a coder. */
public record Coding(
    CodingId id, SegmentId segmentId, CodeId codeId, UserId coderId, Instant createdAt) {}
