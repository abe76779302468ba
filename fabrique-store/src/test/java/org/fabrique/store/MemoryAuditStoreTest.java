package org.fabrique.store;

/** The audit log contract on the in-memory store of the tests. */
class MemoryAuditStoreTest extends AuditStoreContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.memory();
  }
}
