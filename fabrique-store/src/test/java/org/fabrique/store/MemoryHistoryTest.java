package org.fabrique.store;

/** The history contract on the in-memory store that the tests of core and formats use. */
class MemoryHistoryTest extends HistoryContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.memory();
  }
}
