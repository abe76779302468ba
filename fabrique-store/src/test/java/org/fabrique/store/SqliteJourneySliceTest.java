package org.fabrique.store;

/** The journey slices' contract on SQLite. */
class SqliteJourneySliceTest extends JourneySliceContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
