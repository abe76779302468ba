package org.fabrique.store;

/** The journey store contract on SQLite. */
class SqliteJourneyStoreTest extends JourneyStoreContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
