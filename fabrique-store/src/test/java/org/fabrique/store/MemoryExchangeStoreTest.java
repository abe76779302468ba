package org.fabrique.store;

/**
 * The contract of sets, links and GUIDs on the in-memory store that the tests of core and formats
 * use.
 */
class MemoryExchangeStoreTest extends ExchangeStoreContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.memory();
  }
}
