package org.fabrique.store;

/** Backups of an SQLite database. */
class SqliteBackupTest extends BackupContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
