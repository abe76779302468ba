package org.fabrique.core.journey;

import org.fabrique.core.history.Require;
import org.fabrique.core.store.Transaction;

/** What the element operations share: checks of the state they change. */
final class ElementApply {
  private ElementApply() {}

  static void insert(Transaction tx, JourneyElement element) {
    Require.state(
        tx.journeys().find(element.id()).isEmpty(), "Element " + element.id() + " exists already");
    requireReferences(tx, element);
    tx.journeys().insert(element);
  }

  static <T extends JourneyElement> T update(Transaction tx, T element, Class<T> type) {
    T before = existing(tx, element.id(), type);
    requireReferences(tx, element);
    tx.journeys().update(element);
    return before;
  }

  static <T extends JourneyElement> T delete(Transaction tx, ElementId id, Class<T> type) {
    T before = existing(tx, id, type);
    var users = tx.journeys().referencing(id);
    Require.state(
        users.isEmpty(),
        "Element " + id + " is still referred to by " + users.size() + " other element(s)");
    tx.journeys().delete(id);
    return before;
  }

  private static <T extends JourneyElement> T existing(
      Transaction tx, ElementId id, Class<T> type) {
    JourneyElement found = Require.present(tx.journeys().find(id), "Element " + id);
    Require.state(type.isInstance(found), "Element " + id + " is not a " + type.getSimpleName());
    return type.cast(found);
  }

  private static void requireReferences(Transaction tx, JourneyElement element) {
    for (ElementId ref : element.references()) {
      JourneyElement other = Require.present(tx.journeys().find(ref), "Element " + ref);
      Require.state(
          other.inquiryId().equals(element.inquiryId()),
          "Element " + ref + " belongs to another inquiry");
    }
  }
}
