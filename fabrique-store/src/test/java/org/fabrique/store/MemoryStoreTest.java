package org.fabrique.store;

/** The store contract on the in-memory store that the tests of core and formats use. */
class MemoryStoreTest extends StoreContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.memory();
  }
}
