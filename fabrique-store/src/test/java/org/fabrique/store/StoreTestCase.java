package org.fabrique.store;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test with its own fresh database, opened before each test and dropped after it. The contract
 * suites that extend it run on SQLite, on PostgreSQL and on the in-memory store that the tests of
 * the other modules use, so that a test elsewhere cannot pass on behaviour the real store lacks.
 */
abstract class StoreTestCase {
  @TempDir Path dataDir;
  TestDatabase database;
  Store store;

  /** A new, empty database of the kind the concrete test class runs on. */
  abstract TestDatabase newDatabase();

  @BeforeEach
  void openStore() {
    database = newDatabase();
    store = database.open(dataDir);
  }

  @AfterEach
  void closeStore() {
    store.close();
    database.drop();
  }

  /** The store as the JDBC store, for the suites that test what only a database does (backups). */
  JdbcStore jdbc() {
    return (JdbcStore) store;
  }

  <T> T inTx(Function<Transaction, T> work) {
    return store.inTransaction(work);
  }

  void doInTx(Consumer<Transaction> work) {
    store.inTransaction(
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  /** Runs work with fixtures in one transaction. */
  <T> T withFixtures(Function<Fixtures, T> work) {
    return store.inTransaction(tx -> work.apply(new Fixtures(tx)));
  }
}
