package org.fabrique.formats.refi;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.coding.Code;
import org.fabrique.core.exchange.ReceivedFact;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Transaction;

/**
 * What the files an inquiry was imported from said that Fabrique holds nowhere else, as an export
 * writes it again: codes that had no colour (unless one was chosen since), the origin and dates of
 * the project.
 */
final class ExportFacts {
  private final InquiryId inquiry;
  private final Map<ItemRef, Map<String, String>> facts = new HashMap<>();

  ExportFacts(Transaction tx, InquiryId inquiry) {
    this.inquiry = inquiry;
    for (ReceivedFact fact : tx.receivedFacts().list(inquiry)) {
      facts.computeIfAbsent(fact.item(), k -> new HashMap<>()).put(fact.name(), fact.value());
    }
  }

  /** The colour to write for a code: none when it came without one and nobody chose one since. */
  Optional<String> colour(Code code) {
    String given =
        facts
            .getOrDefault(new ItemRef(ItemKind.CODE, code.id().value()), Map.of())
            .get(ReceivedFact.NO_COLOUR);
    return code.colour().equals(given) ? Optional.empty() : Optional.of(code.colour());
  }

  /** An attribute of the root of the project the inquiry was imported from, as written. */
  Optional<String> header(String name) {
    return Optional.ofNullable(
        facts.getOrDefault(new ItemRef(ItemKind.INQUIRY, inquiry.value()), Map.of()).get(name));
  }
}
