package org.fabrique.core.journey;

import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;

/**
 * What every journey element has: its id, its inquiry, the case (journey) it belongs to, a label (a
 * name, a question, a pseudonym…), a description, how it became known and how confidential it is.
 */
public record ElementHeader(
    ElementId id,
    InquiryId inquiryId,
    Optional<CaseId> caseId,
    String label,
    String description,
    KnownBy knownBy,
    Confidentiality confidentiality) {
  public ElementHeader {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(inquiryId, "inquiryId");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(knownBy, "knownBy");
    Objects.requireNonNull(confidentiality, "confidentiality");
    label = label == null ? "" : label.strip();
    description = description == null ? "" : description.strip();
  }

  /** A header for a new element, observed and internal, in a case. */
  public static ElementHeader of(ElementId id, InquiryId inquiry, CaseId caseId, String label) {
    return new ElementHeader(
        id,
        inquiry,
        Optional.ofNullable(caseId),
        label,
        "",
        KnownBy.OBSERVED,
        Confidentiality.INTERNAL);
  }

  public ElementHeader withLabel(String newLabel) {
    return new ElementHeader(
        id, inquiryId, caseId, newLabel, description, knownBy, confidentiality);
  }

  public ElementHeader withDescription(String text) {
    return new ElementHeader(id, inquiryId, caseId, label, text, knownBy, confidentiality);
  }

  public ElementHeader withKnownBy(KnownBy how) {
    return new ElementHeader(id, inquiryId, caseId, label, description, how, confidentiality);
  }

  public ElementHeader withConfidentiality(Confidentiality level) {
    return new ElementHeader(id, inquiryId, caseId, label, description, knownBy, level);
  }
}
