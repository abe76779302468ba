package org.fabrique.formats.refi;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.fabrique.core.exchange.Guids;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Transaction;

/** The GUID of every item of an inquiry at export: the one it was imported with, or derived. */
final class ExportGuids {
  private final InquiryId inquiry;
  private final Map<ItemRef, String> kept = new HashMap<>();

  ExportGuids(Transaction tx, InquiryId inquiry) {
    this.inquiry = inquiry;
    for (ItemGuid guid : tx.guids().list(inquiry)) {
      kept.put(guid.item(), guid.guid());
    }
  }

  String of(ItemRef item) {
    String guid = kept.get(item);
    return guid != null ? guid : Guids.derived(inquiry, item);
  }

  /**
   * A GUID for something Fabrique holds no item for (the variable carrying domains, the link
   * carrying a memo): derived from a name that stays the same across imports and exports.
   */
  static String named(String name) {
    return UUID.nameUUIDFromBytes(("fabrique/" + name).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Every kept GUID, to find items by GUID (codebook import). */
  Map<ItemRef, String> kept() {
    return kept;
  }
}
