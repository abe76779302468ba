package org.fabrique.core.inquiry;

import java.util.List;
import java.util.Map;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.store.Transaction;

/** The operations on an inquiry itself (its cases have {@link CaseOperations}). */
public final class InquiryOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(Map.entry("inquiry.update", UpdateInquiry.class));

  private InquiryOperations() {}

  /** Changes an inquiry's name or description; its creation date stays. */
  public record UpdateInquiry(Inquiry inquiry) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Inquiry before =
          Require.present(tx.inquiries().findInquiry(inquiry.id()), "Inquiry " + inquiry.id());
      tx.inquiries()
          .updateInquiry(
              new Inquiry(inquiry.id(), inquiry.name(), inquiry.description(), before.createdAt()));
      return new UpdateInquiry(before);
    }

    @Override
    public String describe() {
      return "Renamed the inquiry " + inquiry.name();
    }
  }
}
