package org.fabrique.core.attribute;

import org.fabrique.core.inquiry.InquiryId;

/** A typed variable on cases or on sources. */
public record AttributeDefinition(
    AttributeId id,
    InquiryId inquiryId,
    String name,
    AttributeType type,
    AttributeScope scope,
    String description) {}
