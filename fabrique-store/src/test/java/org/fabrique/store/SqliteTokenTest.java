package org.fabrique.store;

/** Personal API tokens on the Sqlite store. */
class SqliteTokenTest extends TokenContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
