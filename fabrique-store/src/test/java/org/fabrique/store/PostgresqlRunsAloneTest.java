package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fabrique.core.store.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction that PostgreSQL keeps aborting runs alone after {@value
 * TransactionRuns#ATTEMPTS_SHARED} losses: the others wait for it, so it cannot lose again; and one
 * transaction held open does not keep it waiting for ever.
 */
class PostgresqlRunsAloneTest extends StoreTestCase {
  private static final long WAIT_SECONDS = 20;

  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgresql();
  }

  @AfterEach
  void stopOther() throws InterruptedException {
    other.shutdownNow();
    other.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The failure PostgreSQL reports when it aborts a transaction that could not be serialised. */
  private static RuntimeException notSerialisable() {
    return new IllegalStateException(new SQLException("could not serialize access", "40001"));
  }

  @Test
  void aTransactionThatKeepsLosingRunsAloneWhileTheOthersWait() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch alone = new CountDownLatch(1);
    CountDownLatch otherEnded = new CountDownLatch(1);
    long retriesBefore = jdbc().serializationRetries();

    Future<Long> theirs =
        other.submit(
            () -> {
              assertTrue(alone.await(WAIT_SECONDS, TimeUnit.SECONDS));
              try {
                return store.inTransaction(Transaction::newId);
              } finally {
                otherEnded.countDown();
              }
            });
    boolean otherEndedMeanwhile =
        store.inTransaction(
            tx -> {
              if (attempts.incrementAndGet() <= TransactionRuns.ATTEMPTS_SHARED) {
                throw notSerialisable();
              }
              alone.countDown();
              try {
                return otherEnded.await(1, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            });

    assertFalse(otherEndedMeanwhile, "another transaction ran while this one was alone");
    assertTrue(theirs.get(WAIT_SECONDS, TimeUnit.SECONDS) > 0);
    assertEquals(TransactionRuns.ATTEMPTS_SHARED + 1, attempts.get());
    assertEquals(TransactionRuns.ATTEMPTS_SHARED, jdbc().serializationRetries() - retriesBefore);
    assertEquals(1, jdbc().aloneRuns());
  }

  @Test
  void aTransactionHeldOpenDoesNotKeepOneThatKeepsLosingWaitingForEver() throws Exception {
    CountDownLatch opened = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Long> held =
        other.submit(
            () ->
                store.inTransaction(
                    tx -> {
                      opened.countDown();
                      try {
                        assertTrue(release.await(WAIT_SECONDS, TimeUnit.SECONDS));
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                      }
                      return tx.newId();
                    }));
    assertTrue(opened.await(WAIT_SECONDS, TimeUnit.SECONDS));
    AtomicInteger attempts = new AtomicInteger();
    long start = System.nanoTime();

    String result =
        store.inTransaction(
            tx -> {
              if (attempts.incrementAndGet() <= TransactionRuns.ATTEMPTS_SHARED) {
                throw notSerialisable();
              }
              return "saved";
            });
    double seconds = (System.nanoTime() - start) / 1e9;
    release.countDown();

    assertEquals("saved", result);
    assertEquals(0, jdbc().aloneRuns());
    assertTrue(seconds < TransactionRuns.ALONE_WAIT.toSeconds() + 5, "waited " + seconds + " s");
    assertTrue(held.get(WAIT_SECONDS, TimeUnit.SECONDS) > 0);
  }
}
