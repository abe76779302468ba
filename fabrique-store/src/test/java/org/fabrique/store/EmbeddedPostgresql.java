package org.fabrique.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server for all the tests of a JVM, started on first use and stopped when
 * the JVM exits. Tests lease migrated databases, cloned from a template, and release them emptied:
 * cloning a database costs a checkpoint, emptying its tables a few milliseconds.
 */
final class EmbeddedPostgresql {
  static final String USER = "postgres";
  static final String PASSWORD = "postgres";
  private static final String TEMPLATE = "fabrique_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private static final Deque<String> FREE = new ArrayDeque<>();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresql() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres started =
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started)));
        execute(started, "CREATE DATABASE " + TEMPLATE);
        server = started;
        Path blobs = Files.createTempDirectory("fabrique-template-blobs");
        JdbcStore.open(jdbcUrl(TEMPLATE), USER, PASSWORD, blobs).close();
      } catch (IOException e) {
        throw new UncheckedIOException("The embedded PostgreSQL server did not start", e);
      }
    }
    return server;
  }

  /** An empty, migrated database for one test; its name. */
  static synchronized String lease() {
    String free = FREE.poll();
    if (free != null) {
      return free;
    }
    String name = "fabrique_test_" + COUNTER.incrementAndGet();
    execute(server(), "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    return name;
  }

  /** A new database without any table, not even Flyway's (never leased again); its name. */
  static synchronized String unmigrated() {
    String name = "fabrique_empty_" + COUNTER.incrementAndGet();
    execute(server(), "CREATE DATABASE " + name);
    return name;
  }

  /** Empties every table of a leased database (but the migrations') and makes it free again. */
  static synchronized void release(String name) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(name), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                  + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      statement.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
      FREE.push(name);
    } catch (SQLException e) {
      execute(server(), "DROP DATABASE IF EXISTS " + name);
    }
  }

  static String jdbcUrl(String database) {
    return server().getJdbcUrl(USER, database);
  }

  private static void execute(EmbeddedPostgres postgres, String sql) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Embedded PostgreSQL failed: " + sql, e);
    }
  }

  private static void stop(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting; the server's directory is temporary
    }
  }
}
