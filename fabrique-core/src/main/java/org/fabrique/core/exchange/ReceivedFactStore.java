package org.fabrique.core.exchange;

import java.util.List;
import org.fabrique.core.inquiry.InquiryId;

/** Where the {@link ReceivedFact}s of the files an inquiry was imported from are kept. */
public interface ReceivedFactStore {
  /** Records facts, each replacing any other of the same item and name. */
  void putAll(InquiryId inquiry, List<ReceivedFact> facts);

  /** Every fact kept for an inquiry. */
  List<ReceivedFact> list(InquiryId inquiry);
}
