package org.fabrique.core.exchange;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;

/**
 * Where the GUIDs that items had in the files they were imported from are kept, per inquiry (a
 * user, shared by inquiries, may have a GUID in each).
 */
public interface GuidStore {
  /** Records the GUID of an item, replacing any other. */
  void put(InquiryId inquiry, ItemGuid guid);

  /** Records many GUIDs at once (an import keeps hundreds of thousands). */
  default void putAll(InquiryId inquiry, List<ItemGuid> guids) {
    guids.forEach(guid -> put(inquiry, guid));
  }

  void remove(InquiryId inquiry, ItemRef item);

  Optional<String> find(InquiryId inquiry, ItemRef item);

  /** Every recorded GUID of an inquiry. */
  List<ItemGuid> list(InquiryId inquiry);
}
