package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.store.backup.Restore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL, a database that holds data is backed up (a logical snapshot, as {@code fabrique
 * backup} takes it) before a pending migration; the snapshot restores, and the five newest are
 * kept.
 */
class PostgresqlMigrationSnapshotTest {
  @TempDir Path temp;

  @Test
  void aDatabaseWithDataIsSnapshottedBeforeAPendingMigrationAndTheSnapshotRestores()
      throws Exception {
    String name = EmbeddedPostgresql.unmigrated();
    String url = EmbeddedPostgresql.jdbcUrl(name);
    Flyway.configure()
        .dataSource(url, EmbeddedPostgresql.USER, EmbeddedPostgresql.PASSWORD)
        .locations(Dialect.POSTGRESQL.migrationLocations())
        .target("30")
        .load()
        .migrate();
    try (Connection connection =
            DriverManager.getConnection(url, EmbeddedPostgresql.USER, EmbeddedPostgresql.PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO inquiries (id, name, description, created_at)"
              + " VALUES (5, 'Before the upgrade', '', '2026-01-02T03:04:05Z')");
      statement.execute("SELECT setval('fabrique_ids', 100)");
    }
    Path dataDir = temp.resolve("data");
    Path snapshots = dataDir.resolve("snapshots");
    Files.createDirectories(snapshots);
    for (int i = 0; i < 6; i++) {
      Files.writeString(
          snapshots.resolve(JdbcStore.BEFORE_MIGRATION + "-20000101-00000" + i + "-000Z.backup"),
          "an older snapshot");
    }

    try (JdbcStore store =
        JdbcStore.open(url, EmbeddedPostgresql.USER, EmbeddedPostgresql.PASSWORD, dataDir)) {
      assertEquals(
          List.of("Before the upgrade"),
          store.inTransaction(tx -> tx.inquiries().listInquiries()).stream()
              .map(Inquiry::name)
              .toList());
    }
    List<Path> kept = snapshots();
    assertEquals(JdbcStore.SNAPSHOTS_KEPT, kept.size(), kept.toString());
    Path taken = kept.get(kept.size() - 1);
    assertTrue(
        !Files.readString(taken, java.nio.charset.StandardCharsets.ISO_8859_1)
            .startsWith("an older"),
        taken.toString());

    // Opening the migrated database again takes no snapshot.
    JdbcStore.open(url, EmbeddedPostgresql.USER, EmbeddedPostgresql.PASSWORD, dataDir).close();
    assertEquals(kept, snapshots());

    Path restored = temp.resolve("restored");
    Restore.restore(taken, Optional.empty(), restored, Restore.Target.sqlite());
    try (JdbcStore copy = JdbcStore.openSqlite(restored)) {
      assertEquals(
          List.of("Before the upgrade"),
          copy.inTransaction(tx -> tx.inquiries().listInquiries()).stream()
              .map(Inquiry::name)
              .toList());
    }
  }

  private List<Path> snapshots() throws Exception {
    try (Stream<Path> files = Files.list(temp.resolve("data").resolve("snapshots"))) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(JdbcStore.BEFORE_MIGRATION))
          .sorted()
          .toList();
    }
  }
}
