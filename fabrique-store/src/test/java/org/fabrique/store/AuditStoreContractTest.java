package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.Fabrique;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEntry;
import org.fabrique.core.audit.AuditEvent;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.audit.AuditQuery;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.testing.PlainTextFiles;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.Test;

/** The audit log on every store: appended, listed newest first, filtered, outside the history. */
abstract class AuditStoreContractTest extends StoreTestCase {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private AuditEntry entry(long id, Instant at, AuditAction action, Optional<Inquiry> inquiry) {
    return new AuditEntry(
        id,
        at,
        action,
        Optional.of("anne"),
        inquiry.map(Inquiry::id),
        "source 12",
        Optional.of("team"),
        Optional.of("127.0.0.1"),
        "csv");
  }

  @Test
  void entriesAreReadBackExactlyNewestFirstAndFiltered() {
    Inquiry inquiry = withFixtures(f -> f.inquiry("Audited"));
    AuditEntry first = entry(1_000_001, T0, AuditAction.EXPORT, Optional.of(inquiry));
    // Same second, a fraction later: the text of the time must still sort as the instant does.
    AuditEntry second =
        entry(1_000_002, T0.plusMillis(500), AuditAction.DOWNLOAD, Optional.of(inquiry));
    AuditEntry elsewhere =
        new AuditEntry(
            1_000_003,
            T0.plusSeconds(60),
            AuditAction.SIGN_IN_FAILED,
            Optional.empty(),
            Optional.empty(),
            "",
            Optional.empty(),
            Optional.empty(),
            "");
    doInTx(
        tx -> {
          tx.audit().append(first);
          tx.audit().append(second);
          tx.audit().append(elsewhere);
        });

    assertEquals(
        List.of(elsewhere, second, first), inTx(tx -> tx.audit().list(AuditQuery.recent(10))));
    assertEquals(
        List.of(second, first),
        inTx(tx -> tx.audit().list(AuditQuery.recent(10).in(inquiry.id()))));
    assertEquals(
        List.of(elsewhere, second),
        inTx(tx -> tx.audit().list(AuditQuery.recent(10).since(T0.plusMillis(500)))));
    assertEquals(List.of(elsewhere), inTx(tx -> tx.audit().list(AuditQuery.recent(1))));
  }

  @Test
  void anEntryIsKeptAfterItsInquiryIsGoneAndTwoEntriesCannotShareAnId() {
    Inquiry inquiry = withFixtures(f -> f.inquiry("Gone"));
    AuditEntry kept = entry(2_000_001, T0, AuditAction.DELETION, Optional.of(inquiry));
    doInTx(tx -> tx.audit().append(kept));
    assertThrows(
        ConflictException.class,
        () ->
            doInTx(
                tx ->
                    tx.audit().append(entry(2_000_001, T0, AuditAction.EXPORT, Optional.empty()))));
    assertEquals(List.of(kept), inTx(tx -> tx.audit().list(AuditQuery.recent(5))));
  }

  @Test
  void anEntryWrittenInAFailedTransactionIsNotKept() {
    assertThrows(
        IllegalStateException.class,
        () ->
            doInTx(
                tx -> {
                  tx.audit().append(entry(3_000_001, T0, AuditAction.EXPORT, Optional.empty()));
                  throw new IllegalStateException("the action failed");
                }));
    assertEquals(List.of(), inTx(tx -> tx.audit().list(AuditQuery.recent(5))));
  }

  @Test
  void deletionsAndPurgesAreAuditedByTheHistoryAndUndoLeavesTheLogAsItWas() throws Exception {
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    Fabrique fabrique = Fabrique.on(store, new PlainTextFiles(), clock);
    User anne = fabrique.users().ensure("anne", "Anne");
    Inquiry inquiry = fabrique.inquiries().create("Cohort", "");
    java.nio.file.Path file = dataDir.resolve("interview.txt");
    java.nio.file.Files.writeString(file, "Madame Dupont a dit : je refuse.");
    Source source =
        fabrique
            .corpus()
            .importFile(
                inquiry.id(), anne.id(), org.fabrique.core.corpus.ImportRequest.of("i.txt", file));
    fabrique.corpus().delete(anne.id(), source.id());
    fabrique.history().undo(inquiry.id(), anne.id());
    // The operation a purge records in the history (the purge itself needs a search index).
    fabrique
        .history()
        .apply(
            inquiry.id(),
            anne.id(),
            new org.fabrique.core.erasure.Purged.Purge("source " + source.id(), "2026-03-01"));

    List<AuditEntry> entries = fabrique.audit().list(AuditQuery.recent(10).in(inquiry.id()));
    assertEquals(
        List.of(AuditAction.PURGE, AuditAction.DELETION),
        entries.stream().map(AuditEntry::action).toList());
    assertEquals("Purged source " + source.id(), entries.get(0).detail());
    AuditEntry deletion = entries.get(1);
    assertEquals(Optional.of("anne"), deletion.actor());
    assertEquals("source.delete", deletion.target());
    assertEquals("Deleted source " + source.id(), deletion.detail());
    for (AuditEntry entry : entries) {
      assertTrue(
          !entry.toString().contains("Dupont") && !entry.toString().contains("refuse"),
          "no field material in the audit log: " + entry);
    }
  }

  @Test
  void aFailedSignInKeepsTheLoginOnlyWhenTheAccountExists() {
    Fabrique fabrique = Fabrique.on(store, new PlainTextFiles(), Clock.fixed(T0, ZoneOffset.UTC));
    fabrique.users().ensure("anne", "Anne");
    AuditLog log = fabrique.audit();
    log.record(AuditEvent.of(AuditAction.SIGN_IN_FAILED).login("anne").from("10.0.0.7"));
    log.record(AuditEvent.of(AuditAction.SIGN_IN_FAILED).login("hunter2").from("10.0.0.7"));
    List<AuditEntry> entries = log.list(AuditQuery.recent(5));
    assertEquals(Optional.empty(), entries.get(0).actor(), "a password typed as a login");
    assertEquals(Optional.of("anne"), entries.get(1).actor());
    assertEquals(Optional.of("10.0.0.7"), entries.get(1).address());
  }
}
