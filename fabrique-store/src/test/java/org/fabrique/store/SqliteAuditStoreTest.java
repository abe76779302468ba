package org.fabrique.store;

import org.junit.jupiter.api.Test;

/** The audit log contract on SQLite, whose triggers keep it append-only. */
class SqliteAuditStoreTest extends AuditStoreContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAnEntry() {
    AppendOnly.check(this);
  }
}
