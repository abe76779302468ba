package org.fabrique.core.inquiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import org.fabrique.core.Fabrique;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.testing.MemoryStore;
import org.fabrique.core.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InquiryServiceTest {
  @TempDir Path folder;
  private Fabrique fabrique;
  private UserId user;
  private Inquiry inquiry;

  @BeforeEach
  void setUp() {
    fabrique = MemoryStore.fabrique(folder, Instant.parse("2026-01-01T00:00:00Z"));
    user = fabrique.users().defaultUser().id();
    inquiry = fabrique.inquiries().create("Cohorts", "First wave");
  }

  @Test
  void aRenamingIsOneActionOfTheHistoryAndUndoBringsTheFormerNameBack() {
    Inquiry renamed =
        fabrique.inquiries().rename(user, inquiry.id(), "  Cohort reuse ", " Two waves ");
    assertEquals(
        new Inquiry(inquiry.id(), "Cohort reuse", "Two waves", inquiry.createdAt()), renamed);
    assertEquals(renamed, fabrique.inquiries().get(inquiry.id()));
    HistoryEntry entry = fabrique.history().recent(inquiry.id(), 1).get(0);
    assertEquals("Renamed the inquiry Cohort reuse", entry.operation().describe());

    fabrique.history().undo(inquiry.id(), user);
    assertEquals(inquiry, fabrique.inquiries().get(inquiry.id()));
    fabrique.history().redo(inquiry.id(), user);
    assertEquals(renamed, fabrique.inquiries().get(inquiry.id()));
  }

  @Test
  void aRenamingThatChangesNothingIsNotRecorded() {
    fabrique.inquiries().rename(user, inquiry.id(), "Cohorts", "First wave");
    assertEquals(0, fabrique.history().recent(inquiry.id(), 10).size());
  }

  @Test
  void aBlankNameIsRefusedAndTheInquiryKeepsItsName() {
    assertThrows(
        InvalidInputException.class,
        () -> fabrique.inquiries().rename(user, inquiry.id(), " ", "Two waves"));
    assertEquals(inquiry, fabrique.inquiries().get(inquiry.id()));
    assertEquals(0, fabrique.history().recent(inquiry.id(), 10).size());
  }
}
