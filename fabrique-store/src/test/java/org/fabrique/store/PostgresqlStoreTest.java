package org.fabrique.store;

/** The store contract on PostgreSQL. */
class PostgresqlStoreTest extends StoreContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgresql();
  }
}
