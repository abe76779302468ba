package org.fabrique.store;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.store.Transaction;
import org.fabrique.store.history.OperationCodec;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Runs the work of {@link JdbcStore#inTransaction} (decision 0021). On PostgreSQL a transaction is
 * {@code SERIALIZABLE} and run again when the database aborts it as not serialisable or deadlocked,
 * after a short random pause. A transaction that lost {@value #ATTEMPTS_SHARED} times then runs
 * alone: every transaction first takes a shared advisory lock, and the one that kept losing takes
 * it exclusively <em>before</em> its transaction begins, so that its snapshot is taken once the
 * others have ended and none starts until it commits. It waits at most {@link #ALONE_WAIT} for them
 * (a transaction held open longer) and otherwise runs as before. SQLite runs one transaction at a
 * time and none of this applies.
 */
final class TransactionRuns {
  /** How many times a transaction is run before a serialisation failure is reported. */
  static final int ATTEMPTS = 10;

  /** How many attempts share the database with other transactions before one runs alone. */
  static final int ATTEMPTS_SHARED = 3;

  /** How long a transaction that kept losing waits for the others to end before it runs alone. */
  static final Duration ALONE_WAIT = Duration.ofSeconds(2);

  /** The advisory lock's key: "Fabrique" in ASCII, so that it is told apart in {@code pg_locks}. */
  static final long LOCK_KEY = 0x4661627269717565L;

  private static final long RETRY_PAUSE_CAP_MS = 200;
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final Jdbi jdbi;
  private final Dialect dialect;
  private final OperationCodec codec = new OperationCodec();
  private final ThreadLocal<JdbcTransaction> current = new ThreadLocal<>();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong aloneRuns = new AtomicLong();

  TransactionRuns(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
    this.dialect = dialect;
  }

  /** Runs the work in a transaction, or in the one this thread is already in. */
  <T> T run(Function<Transaction, T> work, BooleanSupplier closed) {
    JdbcTransaction joined = current.get();
    if (joined != null) {
      return work.apply(joined);
    }
    for (int attempt = 1; ; attempt++) {
      if (closed.getAsBoolean()) {
        throw new StorageException("The database is closed");
      }
      try {
        return runOnce(work, attempt);
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !StorageFailures.isSerializationFailure(e)) {
          throw e instanceof JdbiException failure ? StorageFailures.translate(failure) : e;
        }
        retries.incrementAndGet();
        pauseBeforeRetry(attempt);
      }
    }
  }

  private <T> T runOnce(Function<Transaction, T> work, int attempt) {
    HandleCallback<T, RuntimeException> callback =
        handle -> {
          JdbcTransaction tx = new JdbcTransaction(handle, dialect, codec);
          current.set(tx);
          try {
            return work.apply(tx);
          } finally {
            current.remove();
          }
        };
    if (dialect != Dialect.POSTGRESQL) {
      return jdbi.inTransaction(callback);
    }
    if (attempt <= ATTEMPTS_SHARED) {
      return jdbi.inTransaction(
          TransactionIsolationLevel.SERIALIZABLE,
          handle -> {
            handle
                .createQuery("SELECT 1 FROM pg_advisory_xact_lock_shared(:key)")
                .bind("key", LOCK_KEY)
                .mapTo(Integer.class)
                .one();
            return callback.withHandle(handle);
          });
    }
    return jdbi.withHandle(
        handle -> {
          boolean alone = takeAlone(handle);
          try {
            return handle.inTransaction(TransactionIsolationLevel.SERIALIZABLE, callback);
          } finally {
            if (alone) {
              handle
                  .createQuery("SELECT pg_advisory_unlock(:key)")
                  .bind("key", LOCK_KEY)
                  .mapTo(Boolean.class)
                  .one();
            }
          }
        });
  }

  /** Takes the lock exclusively, outside any transaction; false when others kept it too long. */
  private boolean takeAlone(Handle handle) {
    handle.execute("SET lock_timeout = " + ALONE_WAIT.toMillis());
    try {
      handle
          .createQuery("SELECT 1 FROM pg_advisory_lock(:key)")
          .bind("key", LOCK_KEY)
          .mapTo(Integer.class)
          .one();
      aloneRuns.incrementAndGet();
      return true;
    } catch (JdbiException e) {
      if (StorageFailures.hasState(e, LOCK_NOT_AVAILABLE)) {
        return false;
      }
      throw e;
    } finally {
      handle.execute("RESET lock_timeout");
    }
  }

  /** Waits a random time that grows with the attempts, so that two losers do not meet again. */
  private static void pauseBeforeRetry(int attempt) {
    long bound = Math.min(RETRY_PAUSE_CAP_MS, 2L << attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("Interrupted while saving a change", e);
    }
  }

  /** Transactions run again after the database aborted them, since the store was opened. */
  long retries() {
    return retries.get();
  }

  /** Transactions that ran alone after losing {@value #ATTEMPTS_SHARED} times. */
  long aloneRuns() {
    return aloneRuns.get();
  }
}
