package org.fabrique.store;

/** The journey slices' contract on the in-memory store. */
class MemoryJourneySliceTest extends JourneySliceContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.memory();
  }
}
