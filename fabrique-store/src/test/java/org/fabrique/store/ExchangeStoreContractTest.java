package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.exchange.ReceivedFact;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.link.Link;
import org.fabrique.core.link.LinkDirection;
import org.fabrique.core.link.LinkId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.set.ItemSet;
import org.fabrique.core.set.SetId;
import org.junit.jupiter.api.Test;

/** The contract of the stores of sets, links and GUIDs (REFI-QDA exchange), on both databases. */
abstract class ExchangeStoreContractTest extends StoreTestCase {

  @Test
  void aSetKeepsItsMembersInOrderAndIsFoundByThem() {
    withFixtures(
        f -> {
          Inquiry inquiry = f.inquiry("Cohorts");
          ItemRef code = new ItemRef(ItemKind.CODE, 41);
          ItemRef source = new ItemRef(ItemKind.SOURCE, 42);
          ItemSet set =
              new ItemSet(new SetId(f.id()), inquiry.id(), "Privacy", "d", List.of(source, code));
          f.tx().sets().insert(set);
          ItemSet empty = new ItemSet(new SetId(f.id()), inquiry.id(), "Empty", "", List.of());
          f.tx().sets().insert(empty);
          assertEquals(Optional.of(set), f.tx().sets().find(set.id()));
          assertEquals(List.of(empty, set), f.tx().sets().list(inquiry.id()));
          assertEquals(List.of(set), f.tx().sets().containing(code));
          ItemSet changed = set.withMembers(List.of(code));
          f.tx().sets().update(changed);
          assertEquals(Optional.of(changed), f.tx().sets().find(set.id()));
          assertEquals(List.of(), f.tx().sets().containing(source));
          f.tx().sets().delete(set.id());
          assertEquals(Optional.empty(), f.tx().sets().find(set.id()));
          assertThrows(ConflictException.class, () -> f.tx().sets().delete(set.id()));
          return null;
        });
  }

  @Test
  void aLinkKeepsItsEndsDirectionAndColourAndIsFoundFromEitherEnd() {
    withFixtures(
        f -> {
          Inquiry inquiry = f.inquiry("Cohorts");
          ItemRef a = new ItemRef(ItemKind.CODE, 41);
          ItemRef b = new ItemRef(ItemKind.MEMO, 42);
          Link coloured =
              new Link(
                  new LinkId(f.id()),
                  inquiry.id(),
                  a,
                  b,
                  "explains",
                  LinkDirection.ONE_WAY,
                  Optional.of("#123456"));
          Link plain =
              new Link(
                  new LinkId(f.id()),
                  inquiry.id(),
                  b,
                  a,
                  "",
                  LinkDirection.ASSOCIATIVE,
                  Optional.empty());
          f.tx().links().insert(coloured);
          f.tx().links().insert(plain);
          assertEquals(List.of(coloured, plain), f.tx().links().list(inquiry.id()));
          assertEquals(List.of(coloured, plain), f.tx().links().touching(a));
          Link renamed =
              new Link(
                  coloured.id(),
                  inquiry.id(),
                  a,
                  b,
                  "contradicts",
                  LinkDirection.BIDIRECTIONAL,
                  Optional.empty());
          f.tx().links().update(renamed);
          assertEquals(Optional.of(renamed), f.tx().links().find(coloured.id()));
          f.tx().links().delete(plain.id());
          assertEquals(List.of(renamed), f.tx().links().list(inquiry.id()));
          return null;
        });
  }

  @Test
  void aGuidIsKeptPerInquiryAndItemAndReplaced() {
    withFixtures(
        f -> {
          Inquiry one = f.inquiry("One");
          Inquiry two = f.inquiry("Two");
          ItemRef user = new ItemRef(ItemKind.USER, 7);
          f.tx()
              .guids()
              .put(one.id(), new ItemGuid(user, "{A182CD3A-D83C-4D8C-BC80-26D9103EC6D6}"));
          f.tx().guids().put(two.id(), new ItemGuid(user, "2d2466f0-d77f-4f8c-bdf9-628966b6b74d"));
          assertEquals(
              Optional.of("{A182CD3A-D83C-4D8C-BC80-26D9103EC6D6}"),
              f.tx().guids().find(one.id(), user),
              "kept as written");
          f.tx().guids().put(one.id(), new ItemGuid(user, "086ac733-7b1c-4749-a138-d7182f63a5c9"));
          assertEquals(
              List.of(new ItemGuid(user, "086ac733-7b1c-4749-a138-d7182f63a5c9")),
              f.tx().guids().list(one.id()));
          f.tx().guids().remove(one.id(), user);
          assertEquals(Optional.empty(), f.tx().guids().find(one.id(), user));
          assertEquals(1, f.tx().guids().list(two.id()).size());
          return null;
        });
  }

  @Test
  void theCodingsOfASourceAreReadInOneQueryBySegment() {
    withFixtures(
        f -> {
          Inquiry inquiry = f.inquiry("Cohorts");
          var user = f.user("ana");
          var source = f.source(inquiry, user, Optional.empty(), "Interview");
          var other = f.source(inquiry, user, Optional.empty(), "Notes");
          var code = f.code(inquiry, Optional.empty(), "Consent", 0);
          var second = f.segment(source, 30, 40);
          var first = f.segment(source, 10, 20);
          var elsewhere = f.segment(other, 0, 5);
          var a = f.coding(second, code, user);
          var b = f.coding(first, code, user);
          f.coding(elsewhere, code, user);
          var expected = second.id().value() < first.id().value() ? List.of(a, b) : List.of(b, a);
          assertEquals(expected, f.tx().coding().codingsOfSource(source.id()));
          return null;
        });
  }

  @Test
  void whatImportedFilesSaidIsKeptPerInquiryAndReplaced() {
    withFixtures(
        f -> {
          Inquiry one = f.inquiry("One");
          Inquiry two = f.inquiry("Two");
          ItemRef code = new ItemRef(ItemKind.CODE, 12);
          f.tx()
              .receivedFacts()
              .putAll(
                  one.id(),
                  List.of(
                      new ReceivedFact(code, ReceivedFact.NO_COLOUR, "#0072b2"),
                      new ReceivedFact(
                          new ItemRef(ItemKind.INQUIRY, one.id().value()),
                          ReceivedFact.ORIGIN,
                          "NVivo 14")));
          f.tx()
              .receivedFacts()
              .putAll(one.id(), List.of(new ReceivedFact(code, ReceivedFact.NO_COLOUR, "#e69f00")));
          assertEquals(
              List.of(
                  new ReceivedFact(code, ReceivedFact.NO_COLOUR, "#e69f00"),
                  new ReceivedFact(
                      new ItemRef(ItemKind.INQUIRY, one.id().value()),
                      ReceivedFact.ORIGIN,
                      "NVivo 14")),
              f.tx().receivedFacts().list(one.id()));
          assertEquals(List.of(), f.tx().receivedFacts().list(two.id()));
          return null;
        });
  }

  @Test
  void receivedFactsAreListedByItemThenNameAndTheLaterOfTwoIsKept() {
    withFixtures(
        f -> {
          Inquiry inquiry = f.inquiry("One");
          ItemRef late = new ItemRef(ItemKind.CODE, 30);
          ItemRef early = new ItemRef(ItemKind.CODE, 4);
          ItemRef source = new ItemRef(ItemKind.SOURCE, 2);
          f.tx()
              .receivedFacts()
              .putAll(
                  inquiry.id(),
                  List.of(
                      new ReceivedFact(late, ReceivedFact.NO_COLOUR, "#000000"),
                      new ReceivedFact(source, "b", "2"),
                      new ReceivedFact(source, "a", "1"),
                      new ReceivedFact(early, ReceivedFact.NO_COLOUR, "#111111"),
                      new ReceivedFact(late, ReceivedFact.NO_COLOUR, "#222222")));
          assertEquals(
              List.of(
                  new ReceivedFact(early, ReceivedFact.NO_COLOUR, "#111111"),
                  new ReceivedFact(late, ReceivedFact.NO_COLOUR, "#222222"),
                  new ReceivedFact(source, "a", "1"),
                  new ReceivedFact(source, "b", "2")),
              f.tx().receivedFacts().list(inquiry.id()));
          return null;
        });
  }

  @Test
  void receivedFactsOfAnInquiryThatDoesNotExistAreAConflictAndNothingIsKept() {
    InquiryId missing = new InquiryId(-1);
    ReceivedFact fact =
        new ReceivedFact(new ItemRef(ItemKind.CODE, 1), ReceivedFact.NO_COLOUR, "#000000");
    assertThrows(
        ConflictException.class,
        () -> doInTx(tx -> tx.receivedFacts().putAll(missing, List.of(fact))));
    assertEquals(List.of(), inTx(tx -> tx.receivedFacts().list(missing)));
    doInTx(tx -> tx.receivedFacts().putAll(missing, List.of()));
  }
}
