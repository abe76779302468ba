package org.fabrique.store;

/**
 * Concurrent changes of the codebook and undo after others' work, on the in-memory store of core's
 * tests.
 */
class MemoryConcurrencyTest extends ConcurrencyContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.memory();
  }
}
