package org.fabrique.store;

import java.nio.file.Path;

/** A fresh, empty database for one test, which the test may open several times. */
interface TestDatabase {

  /** Opens the database with its blobs in {@code dataDir}. */
  JdbcStore open(Path dataDir);

  /** Gives the database back once the test has closed every store on it. */
  void drop();

  /** A new SQLite database: the file {@code fabrique.db} in the data directory. */
  static TestDatabase sqlite() {
    return new TestDatabase() {
      @Override
      public JdbcStore open(Path dataDir) {
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
      public JdbcStore open(Path dataDir) {
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
}
