package org.fabrique.store;

/** The journey store contract on the in-memory store that the tests of core and formats use. */
class MemoryJourneyStoreTest extends JourneyStoreContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.memory();
  }
}
