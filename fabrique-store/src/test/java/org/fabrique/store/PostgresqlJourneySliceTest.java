package org.fabrique.store;

/** The journey slices' contract on PostgreSQL. */
class PostgresqlJourneySliceTest extends JourneySliceContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgresql();
  }
}
