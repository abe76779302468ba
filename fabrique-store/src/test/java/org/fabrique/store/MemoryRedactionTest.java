package org.fabrique.store;

/** The pseudonymisation assistant on the in-memory store that the tests of core and formats use. */
class MemoryRedactionTest extends RedactionContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.memory();
  }
}
