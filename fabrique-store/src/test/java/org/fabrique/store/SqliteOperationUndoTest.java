package org.fabrique.store;

/** Undo and redo of every operation on SQLite. */
class SqliteOperationUndoTest extends OperationUndoContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
