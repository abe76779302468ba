package org.fabrique.core.redaction;

import org.fabrique.core.inquiry.InquiryId;

/**
 * A line of an inquiry's key table: one real value, one pseudonym, across the whole inquiry. The
 * key table is kept apart from everything else, shown only to owners, and exported only on explicit
 * request, encrypted.
 *
 * @param valueKey the value folded for comparison (case, accents and spaces ignored)
 * @param value the value as first accepted
 * @param ordinal the number of the pseudonym within its category ("Person 3" is 3)
 */
public record PseudonymEntry(
    long id,
    InquiryId inquiryId,
    IdentifierCategory category,
    String valueKey,
    String value,
    String pseudonym,
    int ordinal) {

  public PseudonymEntry withPseudonym(String newPseudonym) {
    return new PseudonymEntry(id, inquiryId, category, valueKey, value, newPseudonym, ordinal);
  }

  /** Never shows the real value. */
  @Override
  public String toString() {
    return "PseudonymEntry[" + id + ", " + category.id() + ", " + pseudonym + "]";
  }
}
