package org.fabrique.core.inquiry;

import java.time.Instant;

/** A research project; owns cases, sources, codes, memos and journeys. */
public record Inquiry(InquiryId id, String name, String description, Instant createdAt) {}
