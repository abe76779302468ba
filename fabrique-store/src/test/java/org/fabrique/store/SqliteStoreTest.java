package org.fabrique.store;

/** The store contract on SQLite. */
class SqliteStoreTest extends StoreContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
