package org.fabrique.core.inquiry;

import java.util.List;
import java.util.Optional;

/** Where inquiries and their cases are kept. */
public interface InquiryStore {
  void insertInquiry(Inquiry inquiry);

  void updateInquiry(Inquiry inquiry);

  Optional<Inquiry> findInquiry(InquiryId id);

  List<Inquiry> listInquiries();

  void insertCase(Case theCase);

  void updateCase(Case theCase);

  void deleteCase(CaseId id);

  Optional<Case> findCase(CaseId id);

  List<Case> listCases(InquiryId inquiry);
}
