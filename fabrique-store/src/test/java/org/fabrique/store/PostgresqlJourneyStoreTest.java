package org.fabrique.store;

/** The journey store contract on PostgreSQL. */
class PostgresqlJourneyStoreTest extends JourneyStoreContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgresql();
  }
}
