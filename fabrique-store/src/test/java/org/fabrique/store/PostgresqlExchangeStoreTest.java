package org.fabrique.store;

/** The exchange stores on PostgreSQL. */
class PostgresqlExchangeStoreTest extends ExchangeStoreContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgresql();
  }
}
