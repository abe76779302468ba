package org.fabrique.core.journey;

import java.time.Instant;
import java.util.Objects;
import org.fabrique.core.inquiry.InquiryId;

/**
 * A report of the explainable diff kept for a data object of an inquiry: the report is a stored
 * file named by its digest; this says whose it is, so that it is served only to the inquiry's
 * members under the profile their role allows.
 *
 * @param digest the SHA-256 of the report's bytes (hexadecimal)
 * @param element the data object whose two versions were compared
 */
public record ComparisonReport(
    String digest, InquiryId inquiryId, ElementId element, Instant keptAt) {
  public ComparisonReport {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(inquiryId, "inquiryId");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(keptAt, "keptAt");
  }
}
