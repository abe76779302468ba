package org.fabrique.store;

import org.junit.jupiter.api.Test;

/** The audit log contract on PostgreSQL, whose triggers keep it append-only. */
class PostgresqlAuditStoreTest extends AuditStoreContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgresql();
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAnEntry() {
    AppendOnly.check(this);
  }
}
