package org.fabrique.store;

/** Personal API tokens on the Memory store. */
class MemoryTokenTest extends TokenContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.memory();
  }
}
