package org.fabrique.core.journey;

import java.util.Objects;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.vocabulary.Term;
import org.fabrique.core.vocabulary.VocabularyName;

/** A term an inquiry adds to one of the shipped vocabularies. */
public record InquiryTerm(ElementId id, InquiryId inquiryId, VocabularyName vocabulary, Term term) {
  public InquiryTerm {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(inquiryId, "inquiryId");
    Objects.requireNonNull(vocabulary, "vocabulary");
    Objects.requireNonNull(term, "term");
  }
}
