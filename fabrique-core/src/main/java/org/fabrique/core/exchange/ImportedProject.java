package org.fabrique.core.exchange;

import org.fabrique.core.inquiry.InquiryId;

/** The inquiry an exchange file became, with the report of the import. */
public record ImportedProject(InquiryId inquiryId, ExchangeReport report) {}
