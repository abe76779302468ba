package org.fabrique.formats.refi;

import java.util.List;
import java.util.function.Predicate;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Transaction;

/**
 * The extension point for what REFI-QDA cannot represent, such as the elements of data journeys
 * (choices, tensions, interventions…): each becomes a note of the exported project, linked to what
 * it concerns, and is listed in the data-loss report. The journeys feature supplies one.
 */
@FunctionalInterface
public interface JourneyNotes {

  /** A note to export: its GUID, title and text, and the items it is about (linked to it). */
  record Note(String guid, String title, String body, List<ItemRef> about) {}

  /**
   * The notes of an inquiry's elements whose confidentiality the export allows, with only the
   * evidence it allows.
   */
  List<Note> notes(Transaction tx, InquiryId inquiry, Predicate<Confidentiality> allowed);
}
