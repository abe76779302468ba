package org.fabrique.store;

/** The history contract on SQLite. */
class SqliteHistoryTest extends HistoryContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
