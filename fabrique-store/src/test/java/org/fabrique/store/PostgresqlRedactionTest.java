package org.fabrique.store;

/** The pseudonymisation assistant on PostgreSQL. */
class PostgresqlRedactionTest extends RedactionContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgresql();
  }
}
