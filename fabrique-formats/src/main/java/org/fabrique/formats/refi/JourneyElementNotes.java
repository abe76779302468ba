package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.exchange.Guids;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Transaction;

/**
 * The elements of data journeys (data objects, interventions, actors, choices, tensions, uses,
 * procedures, knowledge claims), which REFI-QDA cannot represent, as notes linked to the passages
 * and sources that are their evidence (or to their case when they have none). Only the label, the
 * description and how the element became known are written, never an actor's real name; secret
 * elements are left out.
 */
public final class JourneyElementNotes implements JourneyNotes {

  @Override
  public List<Note> notes(Transaction tx, InquiryId inquiry, Predicate<Confidentiality> allowed) {
    List<Note> notes = new ArrayList<>();
    for (JourneyElement element : tx.journeys().list(inquiry)) {
      if (element.header().confidentiality() == Confidentiality.SECRET
          || !allowed.test(element.header().confidentiality())) {
        continue;
      }
      Set<ItemRef> about = new LinkedHashSet<>();
      for (Evidence evidence : tx.journeys().evidenceOf(element.ref())) {
        if (!allowed.test(evidence.confidentiality())) {
          continue;
        }
        about.add(
            evidence
                .segmentId()
                .map(s -> new ItemRef(ItemKind.SEGMENT, s.value()))
                .orElse(new ItemRef(ItemKind.SOURCE, evidence.sourceId().value())));
      }
      if (about.isEmpty()) {
        element.header().caseId().ifPresent(c -> about.add(new ItemRef(ItemKind.CASE, c.value())));
      }
      String body =
          element.header().description()
              + (element.header().description().isEmpty() ? "" : "\n\n")
              + "Known by: "
              + element.header().knownBy().name().toLowerCase(java.util.Locale.ROOT);
      notes.add(
          new Note(
              Guids.derived(inquiry, element.ref()),
              element.kind().id() + ": " + element.label(),
              body,
              List.copyOf(about)));
    }
    return notes;
  }

  /** Secret journey elements are not exported; how many there are, for the report. */
  public static long secretCount(Transaction tx, InquiryId inquiry) {
    return tx.journeys().list(inquiry).stream()
        .filter(e -> e.header().confidentiality() == Confidentiality.SECRET)
        .count();
  }
}
