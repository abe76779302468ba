package org.fabrique.store;

/** Personal API tokens on the Postgresql store. */
class PostgresqlTokenTest extends TokenContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgresql();
  }
}
