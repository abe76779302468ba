package org.fabrique.core.inquiry;

import java.time.Clock;
import java.util.List;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.history.History;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.UserId;

/** Inquiries and their cases. */
public final class InquiryService {
  private final Store store;
  private final History history;
  private final Clock clock;

  public InquiryService(Store store, History history, Clock clock) {
    this.store = store;
    this.history = history;
    this.clock = clock;
  }

  public Inquiry create(String name, String description) {
    String trimmed = Names.required(name, "An inquiry");
    return store.inTransaction(
        tx -> {
          Inquiry inquiry =
              new Inquiry(
                  new InquiryId(tx.newId()),
                  trimmed,
                  description == null ? "" : description.trim(),
                  clock.instant());
          tx.inquiries().insertInquiry(inquiry);
          return inquiry;
        });
  }

  public List<Inquiry> list() {
    return store.inTransaction(tx -> tx.inquiries().listInquiries());
  }

  public Inquiry get(InquiryId id) {
    return store.inTransaction(
        tx ->
            tx.inquiries()
                .findInquiry(id)
                .orElseThrow(() -> new NotFoundException("There is no inquiry " + id)));
  }

  /**
   * Changes an inquiry's name and description, as one action of the user's history (undo brings the
   * former ones back). Nothing is recorded when both stay as they were.
   */
  public Inquiry rename(UserId user, InquiryId id, String name, String description) {
    String trimmed = Names.required(name, "An inquiry");
    Inquiry before = get(id);
    Inquiry after = new Inquiry(id, trimmed, Names.optional(description), before.createdAt());
    if (after.equals(before)) {
      return before;
    }
    history.apply(id, user, new InquiryOperations.UpdateInquiry(after));
    return after;
  }

  public Case createCase(
      InquiryId inquiry, UserId user, String name, Domain domain, String description) {
    String trimmed = Names.required(name, "A case");
    get(inquiry);
    return store.inTransaction(
        tx -> {
          Case theCase =
              new Case(
                  new CaseId(tx.newId()),
                  inquiry,
                  trimmed,
                  domain,
                  description == null ? "" : description.trim());
          history.apply(tx, inquiry, user, new CaseOperations.CreateCase(theCase));
          return theCase;
        });
  }

  public Case updateCase(UserId user, CaseId id, String name, Domain domain, String description) {
    String trimmed = Names.required(name, "A case");
    Case before = getCase(id);
    Case after =
        new Case(
            id, before.inquiryId(), trimmed, domain, description == null ? "" : description.trim());
    history.apply(before.inquiryId(), user, new CaseOperations.UpdateCase(after));
    return after;
  }

  public void deleteCase(UserId user, CaseId id) {
    Case theCase = getCase(id);
    history.apply(theCase.inquiryId(), user, new CaseOperations.DeleteCase(id));
  }

  public Case getCase(CaseId id) {
    return store.inTransaction(
        tx ->
            tx.inquiries()
                .findCase(id)
                .orElseThrow(() -> new NotFoundException("There is no case " + id)));
  }

  public List<Case> cases(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.inquiries().listCases(inquiry));
  }
}
