package org.fabrique.store;

/** Concurrent changes of the codebook and undo after others' work, on SQLite. */
class SqliteConcurrencyTest extends ConcurrencyContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
