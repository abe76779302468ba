package org.fabrique.store;

import java.nio.file.Path;
import org.fabrique.core.store.Store;
import org.fabrique.core.testing.MemoryStore;

/** A fresh, empty database for one test, which the test may open several times. */
interface TestDatabase {

  /** Opens the database with its blobs in {@code dataDir}. */
  Store open(Path dataDir);

  /** Gives the database back once the test has closed every store on it. */
  void drop();

  /** A new SQLite database: the file {@code fabrique.db} in the data directory. */
  static TestDatabase sqlite() {
    return new TestDatabase() {
      @Override
      public Store open(Path dataDir) {
        return JdbcStore.openSqlite(dataDir);
      }

      @Override
      public void drop() {
        // the file lives in the test's temporary directory
      }
    };
  }

  /** An empty database on the embedded PostgreSQL server shared by the tests of this JVM. */
  static TestDatabase postgresql() {
    String name = EmbeddedPostgresql.lease();
    return new TestDatabase() {
      @Override
      public Store open(Path dataDir) {
        return JdbcStore.open(
            EmbeddedPostgresql.jdbcUrl(name),
            EmbeddedPostgresql.USER,
            EmbeddedPostgresql.PASSWORD,
            dataDir);
      }

      @Override
      public void drop() {
        EmbeddedPostgresql.release(name);
      }
    };
  }

  /**
   * The in-memory store of {@code org.fabrique.core.testing}, which the tests of core and formats
   * run on: opening it again after closing it finds the same data, as a file would.
   */
  static TestDatabase memory() {
    return new TestDatabase() {
      private MemoryStore store;

      @Override
      public Store open(Path dataDir) {
        store = store == null ? new MemoryStore(dataDir.resolve("blobs")) : store.reopened();
        return store;
      }

      @Override
      public void drop() {
        // nothing outside the test's temporary directory
      }
    };
  }
}
