package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The fast path of opening a store: one read of the history when the schema is current. */
class ShippedMigrationsTest {
  @TempDir Path dataDir;

  @Test
  void theShippedVersionsAreTheOnesFlywayApplies() throws Exception {
    JdbcStore.openSqlite(dataDir).close();
    assertEquals(
        Optional.of(applied()), ShippedMigrations.versions(Dialect.SQLITE.migrationLocations()));
    assertTrue(ShippedMigrations.current(dataSource(), Dialect.SQLITE));
  }

  @Test
  void aCurrentDatabaseOpensWithoutStartingFlyway() throws Exception {
    JdbcStore.openSqlite(dataDir).close();
    // Flyway would refuse this history (a checksum that matches no file); the fast path reads
    // only the versions and their success.
    execute("UPDATE flyway_schema_history SET checksum = 1 WHERE version = '1'");
    JdbcStore.openSqlite(dataDir).close();
  }

  @Test
  void aMissingOrFailedMigrationGoesThroughFlyway() throws Exception {
    assertFalse(ShippedMigrations.current(dataSource(), Dialect.SQLITE), "no history table");
    JdbcStore.openSqlite(dataDir).close();
    execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '1'");
    assertFalse(ShippedMigrations.current(dataSource(), Dialect.SQLITE), "a failed migration");
    execute("UPDATE flyway_schema_history SET success = 1 WHERE version = '1'");
    execute("DELETE FROM flyway_schema_history WHERE version = '2'");
    assertFalse(ShippedMigrations.current(dataSource(), Dialect.SQLITE), "a pending migration");
    execute(
        "INSERT INTO flyway_schema_history SELECT installed_rank + 1000, '9999', description,"
            + " type, script, checksum, installed_by, installed_on, execution_time, success"
            + " FROM flyway_schema_history WHERE version = '1'");
    assertFalse(ShippedMigrations.current(dataSource(), Dialect.SQLITE), "an unknown version");
  }

  @Test
  void migrationsAreListedInsideAJarAsInAFolder(@TempDir Path jars) throws IOException {
    Path jar = jars.resolve("migrations.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name :
          new String[] {
            "db/migration/common/", "db/migration/common/V1__first.sql",
            "db/migration/common/V1_5__between.sql", "db/migration/common/README.txt",
            "db/migration/common/deeper/V7__not_here.sql", "db/migration/other/V3__other.sql"
          }) {
        out.putNextEntry(new JarEntry(name));
        if (!name.endsWith("/")) {
          out.write("SELECT 1;".getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertEquals(
          Optional.of(Set.of("1", "1.5")),
          ShippedMigrations.versions(loader, "classpath:db/migration/common"));
      assertEquals(
          Optional.empty(),
          ShippedMigrations.versions(loader, "filesystem:/somewhere"),
          "a location it cannot list is left to Flyway");
    }
  }

  @Test
  void insideAJarTheBuildsIndexIsReadInsteadOfEveryEntry(@TempDir Path jars) throws IOException {
    Path jar = jars.resolve("indexed.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("db/migration/common/"));
      out.closeEntry();
      // The index names what the build found; an entry it does not name is not read.
      out.putNextEntry(new JarEntry("db/migration/common/V9__not_indexed.sql"));
      out.closeEntry();
      out.putNextEntry(new JarEntry("db/migration/common" + ShippedMigrations.INDEX));
      out.write("V1__first.sql\nV2_1__second.sql\n\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertEquals(
          Optional.of(Set.of("1", "2.1")),
          ShippedMigrations.versions(loader, "classpath:db/migration/common"));
    }
  }

  @Test
  void theBuildsIndexNamesEveryShippedMigration() throws IOException {
    for (String folder : new String[] {"common", "sqlite", "postgresql"}) {
      Set<String> listed = new HashSet<>();
      try (var files = Files.list(Path.of("src/main/resources/db/migration", folder))) {
        files.forEach(file -> listed.add(file.getFileName().toString()));
      }
      Set<String> indexed = new HashSet<>();
      try (var in =
          ShippedMigrations.class.getResourceAsStream(
              "/db/migration/" + folder + ShippedMigrations.INDEX)) {
        assertTrue(in != null, "the build writes an index of " + folder);
        new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .filter(line -> !line.isBlank())
            .forEach(indexed::add);
      }
      assertEquals(listed, indexed, folder);
    }
  }

  private SQLiteDataSource dataSource() {
    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl("jdbc:sqlite:" + dataDir.resolve("fabrique.db"));
    return sqlite;
  }

  private Set<String> applied() throws SQLException {
    Set<String> versions = new HashSet<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL")) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    return versions;
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("fabrique.db"));
  }
}
