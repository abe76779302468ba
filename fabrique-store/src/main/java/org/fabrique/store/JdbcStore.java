package org.fabrique.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.fabrique.core.corpus.BlobStore;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.store.corpus.FileBlobStore;
import org.fabrique.store.history.OperationCodec;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database of Fabrique on SQLite (one file, for a researcher's own machine) or PostgreSQL (a
 * server shared by a team), with the original files and texts in {@code dataDir/blobs}.
 *
 * <p>Opening a store migrates its database to the current schema (decision 0003). An SQLite
 * database that already holds data is first copied to {@code fabrique-backup-<time>.db} beside it
 * when a migration is pending. A database that a newer Fabrique has migrated is refused.
 *
 * <p>Each {@link #inTransaction} call runs on one connection and one Jdbi handle. A call made from
 * inside another on the same thread joins the outer transaction instead of opening a second one.
 * SQLite has a single connection: transactions take the database in turn (they begin {@code
 * IMMEDIATE}, so two programs sharing the file wait for each other instead of failing).
 */
public final class JdbcStore implements Store {
  /** The name of the SQLite database file in the data directory. */
  public static final String DATABASE_FILE = "fabrique.db";

  /** The name of the folder of blobs in the data directory. */
  public static final String BLOB_FOLDER = "blobs";

  private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

  /** The time of a backup in its file name, in UTC: {@code fabrique-backup-20261204-093000Z.db}. */
  private static final DateTimeFormatter BACKUP_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final int POSTGRESQL_POOL_SIZE = 10;
  private static final int POSTGRESQL_IDLE_CONNECTIONS = 2;

  private final Jdbi jdbi;
  private final HikariDataSource pool;
  private final Dialect dialect;
  private final FileBlobStore blobs;
  private final OperationCodec codec = new OperationCodec();
  private final String description;
  private final ThreadLocal<JdbcTransaction> current = new ThreadLocal<>();
  private volatile boolean closed;

  private JdbcStore(HikariDataSource pool, Dialect dialect, Path dataDir, String description) {
    this.pool = pool;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(pool);
    // Exception messages must never carry bound values: they are field material (quotes, texts).
    this.jdbi
        .getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    this.blobs = new FileBlobStore(dataDir.resolve(BLOB_FOLDER));
    this.description = description;
  }

  /**
   * Opens (creating it if needed) the SQLite database {@code dataDir/fabrique.db}, in WAL mode with
   * foreign keys enforced, and the blobs in {@code dataDir/blobs}.
   *
   * @throws StorageException when the directory or the database cannot be opened or migrated
   */
  public static JdbcStore openSqlite(Path dataDir) {
    Path file = dataDir.resolve(DATABASE_FILE).toAbsolutePath();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StorageException("The data directory cannot be created: " + dataDir, e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + file);

    migrate(sqlite, Dialect.SQLITE, file);

    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("fabrique-sqlite");
    hikari.setDataSource(sqlite);
    hikari.setMaximumPoolSize(1);
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(SQLITE_BUSY_TIMEOUT_MS);
    return new JdbcStore(startPool(hikari, "SQLite"), Dialect.SQLITE, dataDir, "SQLite at " + file);
  }

  /**
   * Opens a PostgreSQL database ({@code jdbc:postgresql://host:port/database}) through a connection
   * pool; the blobs stay in {@code dataDir/blobs} on this machine.
   *
   * @throws InvalidInputException when the URL is not a PostgreSQL JDBC URL
   * @throws StorageException when the server cannot be reached or the database migrated
   */
  public static JdbcStore open(String jdbcUrl, String user, String password, Path dataDir) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new InvalidInputException(
          "Only PostgreSQL URLs (jdbc:postgresql://host:port/database) are supported; "
              + "use openSqlite for a local database");
    }
    String safeUrl = withoutCredentials(jdbcUrl);
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("fabrique-postgresql");
    hikari.setJdbcUrl(jdbcUrl);
    hikari.setUsername(user);
    hikari.setPassword(password);
    hikari.setMaximumPoolSize(POSTGRESQL_POOL_SIZE);
    hikari.setMinimumIdle(POSTGRESQL_IDLE_CONNECTIONS);
    HikariDataSource pool = startPool(hikari, "PostgreSQL at " + safeUrl);
    try {
      migrate(pool, Dialect.POSTGRESQL, null);
      return new JdbcStore(
          pool, Dialect.POSTGRESQL, dataDir, "PostgreSQL at " + safeUrl + " as " + user);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static HikariDataSource startPool(HikariConfig config, String what) {
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StorageException("The database cannot be opened: " + what, e);
    }
  }

  /**
   * Brings the schema to the current version.
   *
   * @param sqliteFile the database file, to back up before migrating one that holds data; null on a
   *     server, whose administrators keep their own backups
   */
  private static void migrate(DataSource dataSource, Dialect dialect, Path sqliteFile) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(dialect.migrationLocations())
            .failOnMissingLocations(true)
            .load();
    try {
      MigrationInfoService info = flyway.info();
      refuseNewerSchema(info);
      if (sqliteFile != null && info.applied().length > 0 && info.pending().length > 0) {
        backUp(dataSource, sqliteFile);
      }
      flyway.migrate();
    } catch (FlywayException e) {
      throw new StorageException(
          "The database could not be brought to the version of this Fabrique", e);
    }
  }

  /**
   * Refuses a database that a newer Fabrique has migrated: this version does not know the tables it
   * added and could break what they hold. Flyway would otherwise ignore the migrations it does not
   * know.
   */
  private static void refuseNewerSchema(MigrationInfoService info) {
    Optional<MigrationVersion> newest =
        Arrays.stream(info.applied())
            .filter(
                m ->
                    m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
            .map(MigrationInfo::getVersion)
            .max(Comparator.naturalOrder());
    if (newest.isPresent()) {
      String known =
          Arrays.stream(info.all())
              .filter(m -> m.getState().isResolved())
              .map(MigrationInfo::getVersion)
              .max(Comparator.naturalOrder())
              .map(MigrationVersion::getVersion)
              .orElse("none");
      throw new StorageException(
          "This database was brought to schema version "
              + newest.get().getVersion()
              + " by a newer Fabrique; this one knows versions up to "
              + known
              + ". Run the newer Fabrique on it; nothing was changed.");
    }
  }

  private static void backUp(DataSource dataSource, Path sqliteFile) {
    String stamp = BACKUP_STAMP.format(Clock.systemUTC().instant());
    Path backup = sqliteFile.resolveSibling("fabrique-backup-" + stamp + ".db");
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("VACUUM INTO '" + backup.toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throw new StorageException(
          "The database could not be backed up before its migration; nothing was changed", e);
    }
  }

  /** The URL without a query string or user information, which may hold a password. */
  static String withoutCredentials(String jdbcUrl) {
    String url = jdbcUrl;
    int query = url.indexOf('?');
    if (query >= 0) {
      url = url.substring(0, query);
    }
    int scheme = url.indexOf("//");
    int at = url.indexOf('@');
    if (scheme >= 0 && at > scheme) {
      url = url.substring(0, scheme + 2) + url.substring(at + 1);
    }
    return url;
  }

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    JdbcTransaction joined = current.get();
    if (joined != null) {
      return work.apply(joined);
    }
    if (closed) {
      throw new StorageException("The database is closed");
    }
    try {
      return jdbi.inTransaction(
          handle -> {
            JdbcTransaction tx = new JdbcTransaction(handle, dialect, codec);
            current.set(tx);
            try {
              return work.apply(tx);
            } finally {
              current.remove();
            }
          });
    } catch (JdbiException e) {
      throw StorageFailures.translate(e);
    }
  }

  @Override
  public BlobStore blobs() {
    return blobs;
  }

  /** Which database this is, for logs; never shows a password. */
  @Override
  public String describe() {
    return description;
  }

  /** The database this store runs on. */
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public void close() {
    closed = true;
    pool.close();
  }
}
