package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.Inquiry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the SQLite file: reopening, migrating, its settings and query plans. */
class SqliteDatabaseTest {
  @TempDir Path dataDir;

  @Test
  void theDatabaseSurvivesCloseAndReopen() {
    Inquiry inquiry;
    try (JdbcStore store = JdbcStore.openSqlite(dataDir)) {
      inquiry = store.inTransaction(tx -> new Fixtures(tx).inquiry("Kept"));
    }
    try (JdbcStore store = JdbcStore.openSqlite(dataDir)) {
      assertEquals(List.of(inquiry), store.inTransaction(tx -> tx.inquiries().listInquiries()));
      assertTrue(store.inTransaction(tx -> tx.newId()) > inquiry.id().value());
    }
  }

  @Test
  void migratingAnUpToDateDatabaseChangesNothing() throws SQLException, IOException {
    JdbcStore.openSqlite(dataDir).close();
    List<String> applied = appliedMigrations();
    JdbcStore.openSqlite(dataDir).close();
    assertEquals(applied, appliedMigrations());
    assertEquals(
        List.of(
            "1", "2", "20", "30", "100", "101", "107", "108", "109", "115", "120", "121", "140",
            "141", "160", "180", "182"),
        applied);
    assertFalse(hasBackup());
  }

  @Test
  void aMigrationNumberedBelowTheNewestAppliedOneIsAppliedToo() throws Exception {
    JdbcStore.openSqlite(dataDir).close();
    List<String> laterFirst = new ArrayList<>(appliedMigrations());
    laterFirst.removeAll(List.of("107", "108"));
    laterFirst.addAll(List.of("107", "108"));
    // A database of a release without the audit log, whose newest migration is numbered above it.
    execute("DROP TABLE audit_log");
    execute("DELETE FROM flyway_schema_history WHERE version IN ('107', '108')");
    try (JdbcStore store = JdbcStore.openSqlite(dataDir)) {
      assertEquals(laterFirst, appliedMigrations());
      assertEquals(
          List.of(),
          store.inTransaction(tx -> tx.audit().list(org.fabrique.core.audit.AuditQuery.recent(1))));
    }
  }

  @Test
  void aDatabaseWithDataIsBackedUpBeforeAPendingMigration() throws Exception {
    Path file = dataDir.resolve(JdbcStore.DATABASE_FILE);
    Flyway.configure()
        .dataSource("jdbc:sqlite:" + file, null, null)
        .locations(Dialect.SQLITE.migrationLocations())
        .target("1")
        .load()
        .migrate();
    try (JdbcStore store = JdbcStore.openSqlite(dataDir)) {
      assertEquals(
          List.of(
              "1", "2", "20", "30", "100", "101", "107", "108", "109", "115", "120", "121", "140",
              "141", "160", "180", "182"),
          appliedMigrations());
      store.inTransaction(tx -> new Fixtures(tx).inquiry("After migration"));
    }
    assertTrue(hasBackup());
  }

  @Test
  void aDatabaseMigratedByANewerFabriqueIsRefusedAndLeftAsItWas() throws SQLException, IOException {
    JdbcStore.openSqlite(dataDir).close();
    List<String> known = appliedMigrations();
    execute(
        """
        INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,
          checksum, installed_by, installed_on, execution_time, success)
        VALUES (99, '9999', 'from the future', 'SQL', 'V9999__from_the_future.sql', 0, 'test',
          '2030-01-01 00:00:00', 1, 1)\
        """);
    List<String> before = appliedMigrations();

    StorageException refused =
        assertThrows(StorageException.class, () -> JdbcStore.openSqlite(dataDir));

    assertEquals(
        "This database was brought to schema version 9999 by a newer Fabrique; this one knows"
            + " versions up to "
            + known.get(known.size() - 1)
            + ". Run the newer Fabrique on it; nothing was changed.",
        refused.getMessage());
    assertEquals(before, appliedMigrations());
    assertFalse(hasBackup());
  }

  @Test
  void theDatabaseRunsInWalModeWithForeignKeys() throws SQLException {
    try (JdbcStore store = JdbcStore.openSqlite(dataDir)) {
      assertEquals("wal", pragma("journal_mode"));
      assertEquals(
          "SQLite at " + dataDir.resolve(JdbcStore.DATABASE_FILE).toAbsolutePath(),
          store.describe());
    }
  }

  @Test
  void spansAreReadThroughTheIndexOfSegmentsBySourceAndStart() throws SQLException {
    JdbcStore.openSqlite(dataDir).close();
    String plan =
        String.join(
            "\n",
            query(
                """
                EXPLAIN QUERY PLAN
                SELECT c.id FROM segments s JOIN codings c ON c.segment_id = s.id
                WHERE s.source_id = 1 AND s.start_pos < 200 AND s.end_pos > 100
                ORDER BY s.start_pos, s.end_pos, c.id\
                """,
                4));
    assertTrue(plan.contains("SEARCH s USING INDEX"), plan);
    assertTrue(plan.contains("(source_id=? AND start_pos<?)"), plan);
    assertTrue(plan.contains("SEARCH c USING INDEX"), plan);
  }

  private boolean hasBackup() throws IOException {
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("fabrique-backup-"));
    }
  }

  private List<String> appliedMigrations() throws SQLException {
    return query(
        "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank", 1);
  }

  private void execute(String sql) throws SQLException {
    String url = "jdbc:sqlite:" + dataDir.resolve(JdbcStore.DATABASE_FILE);
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private String pragma(String name) throws SQLException {
    return query("PRAGMA " + name, 1).get(0);
  }

  private List<String> query(String sql, int column) throws SQLException {
    String url = "jdbc:sqlite:" + dataDir.resolve(JdbcStore.DATABASE_FILE);
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(column));
      }
      return values;
    }
  }
}
