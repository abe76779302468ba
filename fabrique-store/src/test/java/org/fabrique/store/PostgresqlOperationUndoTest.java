package org.fabrique.store;

/** Undo and redo of every operation on PostgreSQL. */
class PostgresqlOperationUndoTest extends OperationUndoContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgresql();
  }
}
