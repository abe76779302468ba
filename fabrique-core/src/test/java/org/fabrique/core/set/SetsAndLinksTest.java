package org.fabrique.core.set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.exchange.ExchangeOperations;
import org.fabrique.core.exchange.Guids;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.link.Link;
import org.fabrique.core.link.LinkDirection;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.testing.MemoryStore;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetsAndLinksTest {
  @TempDir Path folder;
  private Fabrique fabrique;
  private User user;
  private Inquiry inquiry;

  @BeforeEach
  void setUp() {
    fabrique = MemoryStore.fabrique(folder, Instant.parse("2026-01-01T00:00:00Z"));
    user = fabrique.users().defaultUser();
    inquiry = fabrique.inquiries().create("Cohorts", "");
  }

  private ItemRef code(String name) {
    Code code =
        fabrique.coding().createCode(inquiry.id(), user.id(), CodingService.NewCode.named(name));
    return new ItemRef(ItemKind.CODE, code.id().value());
  }

  @Test
  void aSetKeepsItsMembersOnceAndInOrderAndItsChangesUndo() {
    ItemRef a = code("consent");
    ItemRef b = code("pseudonymisation");
    ItemSet set =
        fabrique.sets().create(inquiry.id(), user.id(), "Governance", "", List.of(b, a, b));
    assertEquals(List.of(b, a), set.members());
    fabrique.sets().removeMember(user.id(), set.id(), b);
    assertEquals(List.of(a), fabrique.sets().get(set.id()).members());
    fabrique.history().undo(inquiry.id(), user.id());
    assertEquals(List.of(b, a), fabrique.sets().get(set.id()).members());
    fabrique.sets().delete(user.id(), set.id());
    assertEquals(List.of(), fabrique.sets().list(inquiry.id()));
    fabrique.history().undo(inquiry.id(), user.id());
    assertEquals(List.of(set), fabrique.sets().list(inquiry.id()));
  }

  @Test
  void aLinkJoinsTwoItemsAndItsCreationUndoes() {
    ItemRef a = code("consent");
    ItemRef b = code("opt-out");
    Link link =
        fabrique
            .links()
            .link(
                inquiry.id(),
                user.id(),
                a,
                b,
                "contradicts",
                LinkDirection.ONE_WAY,
                Optional.of("#FF0000"));
    assertEquals(Optional.of("#ff0000"), link.colour());
    assertEquals(List.of(link), fabrique.links().touching(b));
    fabrique.history().undo(inquiry.id(), user.id());
    assertEquals(List.of(), fabrique.links().list(inquiry.id()));
  }

  @Test
  void guidsOfImportedItemsAreKeptAndDerivedOnesAreStable() {
    ItemRef a = code("consent");
    String derived = Guids.derived(inquiry.id(), a);
    assertEquals(derived, Guids.derived(inquiry.id(), a));
    assertTrue(Guids.parse(derived).isPresent());
    fabrique
        .history()
        .apply(
            inquiry.id(),
            user.id(),
            new ExchangeOperations.RecordGuids(
                inquiry.id(), List.of(new ItemGuid(a, "{A182CD3A-D83C-4D8C-BC80-26D9103EC6D6}"))));
    assertEquals(
        Optional.of("{A182CD3A-D83C-4D8C-BC80-26D9103EC6D6}"),
        fabrique.store().inTransaction(tx -> tx.guids().find(inquiry.id(), a)),
        "kept as it was written, so that exports write it again");
    fabrique.history().undo(inquiry.id(), user.id());
    assertEquals(
        Optional.empty(), fabrique.store().inTransaction(tx -> tx.guids().find(inquiry.id(), a)));
  }

  @Test
  void theImportOfAProjectCannotBeUndoneLineByLineAndIsSetAside() {
    fabrique
        .history()
        .apply(
            inquiry.id(),
            user.id(),
            new ExchangeOperations.ProjectImported(inquiry.id(), "project.qdpx", "nothing"));
    assertTrue(fabrique.history().undo(inquiry.id(), user.id()).orElseThrow().setAside());
  }

  @Test
  void aFailedTransactionOfTheMemoryStoreLeavesNothing() {
    assertThrows(
        IllegalStateException.class,
        () ->
            fabrique
                .store()
                .inTransaction(
                    tx -> {
                      fabrique
                          .coding()
                          .createCode(inquiry.id(), user.id(), CodingService.NewCode.named("x"));
                      throw new IllegalStateException("boom");
                    }));
    assertEquals(List.of(), fabrique.coding().codes(inquiry.id()));
  }
}
