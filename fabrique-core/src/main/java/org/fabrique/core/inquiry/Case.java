package org.fabrique.core.inquiry;

/** A reuse situation studied in an inquiry, in a domain. */
public record Case(
    CaseId id, InquiryId inquiryId, String name, Domain domain, String description) {}
