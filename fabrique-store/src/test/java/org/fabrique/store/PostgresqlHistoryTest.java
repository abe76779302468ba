package org.fabrique.store;

/** The history contract on PostgreSQL. */
class PostgresqlHistoryTest extends HistoryContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgresql();
  }
}
