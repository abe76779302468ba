package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.fabrique.core.Fabrique;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.user.User;
import org.fabrique.store.backup.BackupManifest;
import org.fabrique.store.backup.Backups;
import org.fabrique.store.backup.Restore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Backups while writes go on, restored onto SQLite; refused when damaged, changed or locked. */
abstract class BackupContractTest extends StoreTestCase {
  private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

  private Fabrique fabrique;
  private User anne;
  private Inquiry inquiry;
  private Source source;

  @BeforeEach
  void setUp() throws IOException {
    fabrique = Fabrique.on(store, new RedactionContractTest.PlainTextFiles(), Clock.systemUTC());
    anne = fabrique.users().ensure("anne", "Anne");
    inquiry = fabrique.inquiries().create("Cohorte", "");
    Path file = dataDir.resolve("entretien.txt");
    Files.writeString(file, "Entretien avec le data manager du registre.\n");
    source =
        fabrique
            .corpus()
            .importFile(inquiry.id(), anne.id(), ImportRequest.of("entretien.txt", file));
    fabrique
        .memos()
        .write(
            inquiry.id(),
            anne.id(),
            new ItemRef(ItemKind.SOURCE, source.id().value()),
            "N",
            "Note");
  }

  /** A folder of its own for restores, so that staging folders are looked for there only. */
  @org.junit.jupiter.api.io.TempDir Path restores;

  private Path restored() {
    return restores.resolve("restored");
  }

  @Test
  void aBackupTakenDuringABurstOfWritesRestoresToAConsistentState() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger written = new AtomicInteger();
    Thread writer =
        new Thread(
            () -> {
              while (writing.get() && written.get() < 1_000) {
                fabrique
                    .memos()
                    .write(
                        inquiry.id(),
                        anne.id(),
                        new ItemRef(ItemKind.SOURCE, source.id().value()),
                        "Burst " + written.get(),
                        "During the backup");
                written.incrementAndGet();
              }
            });
    writer.start();
    while (written.get() < 20) {
      Thread.onSpinWait();
    }
    Path backup = dataDir.getParent().resolve("burst.fqb");
    BackupManifest manifest = Backups.writeEncrypted(jdbc(), backup, PASSPHRASE);
    writing.set(false);
    writer.join();

    Restore.restore(backup, Optional.of(PASSPHRASE), restored(), Restore.Target.sqlite());
    try (JdbcStore copy = JdbcStore.openSqlite(restored())) {
      Fabrique again =
          Fabrique.on(copy, new RedactionContractTest.PlainTextFiles(), Clock.systemUTC());
      int memos = again.memos().list(inquiry.id()).size();
      long memoLines =
          again.history().recent(inquiry.id(), 10_000).stream()
              .filter(e -> e.operation().type().equals("memo.create"))
              .count();
      assertTrue(memos >= 21 && memos <= written.get() + 1, memos + " of " + written.get());
      assertEquals(memos, memoLines, "every memo has its history line and no line lacks its memo");
      assertEquals(manifest.rows().get("memos"), (long) memos);
      assertEquals(
          "Entretien avec le data manager du registre.\n", again.corpus().text(source.id()).text());
      long next = copy.inTransaction(tx -> tx.newId());
      assertTrue(next > source.id().value(), "new ids continue after the restored ones");
    }
  }

  @Test
  void aWrongPassphraseIsRefusedAndNothingIsWritten() throws IOException {
    Path backup = dataDir.getParent().resolve("locked.fqb");
    Backups.writeEncrypted(jdbc(), backup, PASSPHRASE);
    assertFalse(
        DataContains.bytes(Files.readAllBytes(backup), "data manager"),
        "an encrypted backup shows no plain text");
    InvalidInputException wrong =
        assertThrows(
            InvalidInputException.class,
            () ->
                Restore.restore(
                    backup,
                    Optional.of("wrong".toCharArray()),
                    restored(),
                    Restore.Target.sqlite()));
    assertTrue(wrong.getMessage().contains("passphrase is wrong"), wrong.getMessage());
    InvalidInputException none =
        assertThrows(
            InvalidInputException.class,
            () -> Restore.restore(backup, Optional.empty(), restored(), Restore.Target.sqlite()));
    assertTrue(none.getMessage().contains("encrypted"), none.getMessage());
    assertNothingWritten();
  }

  @Test
  void aTruncatedOrChangedBackupIsRefusedAndNothingIsWritten() throws IOException {
    for (boolean encrypted : new boolean[] {true, false}) {
      Path backup = dataDir.getParent().resolve("whole-" + encrypted + ".fqb");
      if (encrypted) {
        Backups.writeEncrypted(jdbc(), backup, PASSPHRASE);
      } else {
        Backups.write(jdbc(), backup);
      }
      byte[] bytes = Files.readAllBytes(backup);
      Path truncated = dataDir.getParent().resolve("truncated-" + encrypted + ".fqb");
      Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));
      Path changed = dataDir.getParent().resolve("changed-" + encrypted + ".fqb");
      byte[] flipped = bytes.clone();
      flipped[bytes.length / 2] ^= 0x01;
      Files.write(changed, flipped);
      for (Path bad : List.of(truncated, changed)) {
        assertThrows(
            InvalidInputException.class,
            () ->
                Restore.restore(bad, Optional.of(PASSPHRASE), restored(), Restore.Target.sqlite()),
            bad.getFileName().toString());
        assertNothingWritten();
      }
    }
  }

  @Test
  void aRestoreNeedsAnEmptyDataDirectory() throws IOException {
    Path backup = dataDir.getParent().resolve("plain.fqb");
    Backups.write(jdbc(), backup);
    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class,
            () -> Restore.restore(backup, Optional.empty(), dataDir, Restore.Target.sqlite()));
    assertTrue(refused.getMessage().contains("empty data directory"), refused.getMessage());
  }

  private void assertNothingWritten() throws IOException {
    assertFalse(Files.exists(restored()), "the target was created");
    try (Stream<Path> siblings = Files.list(restores)) {
      assertEquals(
          List.of(),
          siblings
              .filter(p -> p.getFileName().toString().startsWith(".fabrique-restore-"))
              .toList());
    }
  }

  /** Bytes search for a test. */
  static final class DataContains {
    static boolean bytes(byte[] haystack, String value) {
      byte[] needle = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      outer:
      for (int i = 0; i <= haystack.length - needle.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (haystack[i + j] != needle[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }
  }
}
