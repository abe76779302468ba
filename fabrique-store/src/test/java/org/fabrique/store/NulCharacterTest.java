package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.List;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.CodingService.NewCode;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.testing.PlainTextFiles;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The NUL character in names and texts is refused as invalid input on both databases, although
 * SQLite could keep it and PostgreSQL cannot; nothing is written.
 */
class NulCharacterTest {

  abstract static class OnADatabase extends StoreTestCase {
    private Fabrique fabrique;
    private User anne;
    private Inquiry inquiry;

    @BeforeEach
    void setUp() {
      fabrique = Fabrique.on(store, new PlainTextFiles(), Clock.systemUTC());
      anne = fabrique.users().ensure("anne", "Anne");
      inquiry = fabrique.inquiries().create("Cohort", "");
    }

    @Test
    void namesWithNulAreRefusedAndNothingIsWritten() {
      assertThrows(InvalidInputException.class, () -> fabrique.inquiries().create("a\u0000b", ""));
      assertThrows(
          InvalidInputException.class,
          () -> fabrique.inquiries().rename(anne.id(), inquiry.id(), "\u0000", ""));
      assertThrows(
          InvalidInputException.class,
          () ->
              fabrique
                  .inquiries()
                  .createCase(inquiry.id(), anne.id(), "x\u0000", Domain.OTHER, ""));
      assertThrows(
          InvalidInputException.class,
          () -> fabrique.coding().createCode(inquiry.id(), anne.id(), NewCode.named("c\u0000")));
      assertThrows(
          InvalidInputException.class,
          () ->
              fabrique
                  .memos()
                  .write(
                      inquiry.id(),
                      anne.id(),
                      new ItemRef(ItemKind.INQUIRY, inquiry.id().value()),
                      "title",
                      "a body\u0000"));
      assertEquals(List.of(inquiry), fabrique.inquiries().list());
      assertEquals(List.of(), fabrique.coding().codes(inquiry.id()));
      assertEquals(
          List.of(), fabrique.memos().about(new ItemRef(ItemKind.INQUIRY, inquiry.id().value())));
    }
  }

  @Nested
  class OnSqlite extends OnADatabase {
    @Override
    TestDatabase newDatabase() {
      return TestDatabase.sqlite();
    }
  }

  @Nested
  class OnPostgresql extends OnADatabase {
    @Override
    TestDatabase newDatabase() {
      return TestDatabase.postgresql();
    }

    @Test
    void aTextWithNulWrittenPastTheServicesIsInvalidInputNotAStorageFailure() {
      assertThrows(
          InvalidInputException.class,
          () -> withFixtures(fixtures -> fixtures.inquiry("written\u0000directly")));
    }
  }
}
