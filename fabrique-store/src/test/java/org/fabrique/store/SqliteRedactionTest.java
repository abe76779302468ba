package org.fabrique.store;

/** The pseudonymisation assistant on SQLite. */
class SqliteRedactionTest extends RedactionContractTest {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
