package org.fabrique.store;

/** Backups of a PostgreSQL database, restored onto SQLite. */
class PostgresqlBackupTest extends BackupContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgresql();
  }
}
