package org.fabrique.store;

/**
 * The undo contract of every operation on the in-memory store that the tests of core and formats
 * use.
 */
class MemoryOperationUndoTest extends OperationUndoContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.memory();
  }
}
