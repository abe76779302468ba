package org.fabrique.store;

/** Concurrent changes of the codebook and undo after others' work, on PostgreSQL. */
class PostgresqlConcurrencyTest extends ConcurrencyContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgresql();
  }
}
