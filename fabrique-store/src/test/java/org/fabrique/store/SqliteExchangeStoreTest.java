package org.fabrique.store;

/** The exchange stores on SQLite. */
class SqliteExchangeStoreTest extends ExchangeStoreContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
