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
import java.util.List;
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
  private final Path dataDir;
  private final FileBlobStore blobs;
  private final Where where;
  private final TransactionRuns runs;
  private volatile boolean closed;

  private JdbcStore(HikariDataSource pool, Dialect dialect, Path dataDir, Where where) {
    this.dataDir = dataDir;
    this.pool = pool;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(pool);
    // Exception messages must never carry bound values: they are field material (quotes, texts).
    this.jdbi
        .getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    this.runs = new TransactionRuns(jdbi, dialect);
    this.blobs = new FileBlobStore(dataDir.resolve(BLOB_FOLDER));
    this.where = where;
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
    SqliteNativeLibrary.useKeptCopy();
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    // Deleted content is overwritten with zeros, not left in free pages (purges, decision 0013).
    config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + file);

    migrate(sqlite, Dialect.SQLITE, () -> backUp(sqlite, file));

    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("fabrique-sqlite");
    hikari.setDataSource(sqlite);
    hikari.setMaximumPoolSize(1);
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(SQLITE_BUSY_TIMEOUT_MS);
    return new JdbcStore(
        startPool(hikari, "SQLite"),
        Dialect.SQLITE,
        dataDir,
        new Where(Dialect.SQLITE, file.toString(), Optional.empty()));
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
      JdbcStore store =
          new JdbcStore(
              pool,
              Dialect.POSTGRESQL,
              dataDir,
              new Where(Dialect.POSTGRESQL, safeUrl, Optional.ofNullable(user)));
      migrate(pool, Dialect.POSTGRESQL, store::snapshotBeforeMigration);
      return store;
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
   * @param backUp what keeps a copy of a database that holds data before a pending migration runs;
   *     when it fails, nothing is migrated
   */
  private static void migrate(DataSource dataSource, Dialect dialect, Runnable backUp) {
    if (ShippedMigrations.current(dataSource, dialect)) {
      return;
    }
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(dialect.migrationLocations())
            .failOnMissingLocations(true)
            // Each issue numbers its migrations in a range of its own, so a release can bring a
            // migration numbered below one a database already has (V107 after V141): apply it.
            .outOfOrder(true)
            .load();
    try {
      MigrationInfoService info = flyway.info();
      refuseNewerSchema(info);
      if (info.applied().length > 0 && info.pending().length > 0) {
        backUp.run();
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
    keepNewest(sqliteFile.getParent(), "fabrique-backup-", SNAPSHOTS_KEPT);
  }

  /** The prefix of the snapshots of a PostgreSQL database taken before a migration. */
  public static final String BEFORE_MIGRATION = "before-migration";

  /**
   * On PostgreSQL, before a pending migration: a logical backup of the database at its present
   * schema version (one {@code REPEATABLE READ} transaction, as {@code fabrique backup} takes it)
   * with the files it refers to, in {@code snapshots/before-migration-*.backup} of the data
   * directory, the five newest kept. {@code fabrique restore} brings it back onto an empty data
   * directory (and this or another database), migrating it.
   */
  private void snapshotBeforeMigration() {
    try {
      snapshot(BEFORE_MIGRATION);
    } catch (StorageException e) {
      throw new StorageException(
          "The database could not be backed up before its migration; nothing was changed", e);
    }
  }

  private static final DateTimeFormatter SNAPSHOT_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** How many automatic snapshots of each kind are kept (the oldest are deleted). */
  public static final int SNAPSHOTS_KEPT = 5;

  /** Deletes the oldest files of a folder whose names start with a prefix, keeping {@code kept}. */
  public static void keepNewest(Path folder, String prefix, int kept) {
    try (var files = Files.list(folder)) {
      List<Path> matching =
          files
              .filter(f -> f.getFileName().toString().startsWith(prefix))
              .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
              .toList();
      for (Path old : matching.subList(Math.min(kept, matching.size()), matching.size())) {
        Files.deleteIfExists(old);
      }
    } catch (IOException e) {
      throw new StorageException("Old snapshots in " + folder + " could not be removed", e);
    }
  }

  /**
   * Takes an automatic snapshot of the data directory (a backup in {@code snapshots/}, the five
   * newest of each reason kept), before a change that is hard to take back.
   */
  @Override
  public void snapshot(String reason) {
    String stamp = SNAPSHOT_STAMP.format(Clock.systemUTC().instant());
    Path folder = dataDir.resolve("snapshots");
    org.fabrique.store.backup.Backups.write(this, folder.resolve(reason + "-" + stamp + ".backup"));
    keepNewest(folder, reason + "-", SNAPSHOTS_KEPT);
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

  /**
   * Runs work in one transaction. On PostgreSQL the transaction is {@code SERIALIZABLE}: the
   * database aborts one of two transactions whose reads and writes could not have happened one
   * after the other (two moves that would make a cycle, a rename and a move read before either
   * wrote), and deadlocks are broken the same way. Such an abort is not the user's fault: the work
   * is run again, up to {@value TransactionRuns#ATTEMPTS} times, after a short random pause, alone
   * after {@value TransactionRuns#ATTEMPTS_SHARED} losses ({@link TransactionRuns}), and only a
   * transaction that keeps losing is reported as a conflict. The work may therefore run more than
   * once and must only touch the database (decision 0021). SQLite runs one transaction at a time.
   */
  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    return runs.run(work, () -> closed);
  }

  /**
   * How many transactions were run again after the database aborted them as not serialisable or
   * deadlocked, since the store was opened (for benchmarks and logs).
   */
  public long serializationRetries() {
    return runs.retries();
  }

  /** How many transactions ran alone after losing again and again, since the store was opened. */
  public long aloneRuns() {
    return runs.aloneRuns();
  }

  /**
   * Compacts the database so that no deleted row survives in its files: on SQLite, VACUUM (every
   * page rewritten) and a checkpoint that empties the write-ahead log; on PostgreSQL, VACUUM FULL
   * of the tables that hold field material.
   */
  @Override
  public void reclaimSpace() {
    if (closed) {
      throw new StorageException("The database is closed");
    }
    try {
      jdbi.useHandle(
          handle -> {
            if (dialect == Dialect.SQLITE) {
              handle.execute("VACUUM");
              handle.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } else {
              for (String table : FIELD_MATERIAL_TABLES) {
                handle.execute("VACUUM FULL " + table);
              }
            }
          });
    } catch (JdbiException e) {
      throw StorageFailures.translate(e);
    }
  }

  /** The tables whose rows quote or describe field material. */
  private static final List<String> FIELD_MATERIAL_TABLES =
      List.of(
          "sources",
          "speaker_turns",
          "segments",
          "memos",
          "attribute_values",
          "history",
          "redactions",
          "pseudonyms",
          "journey_evidence",
          "journey_revisions");

  @Override
  public BlobStore blobs() {
    return blobs;
  }

  /** Which database this is, for logs; never shows a password. */
  @Override
  public String describe() {
    return where.toString();
  }

  /** Which database this is, to tell people where their data are; never shows a password. */
  public Where where() {
    return where;
  }

  /**
   * Where the data are: the SQLite file, or the PostgreSQL URL without credentials and the user.
   */
  public record Where(Dialect dialect, String place, Optional<String> user) {
    @Override
    public String toString() {
      return dialect == Dialect.SQLITE
          ? "SQLite at " + place
          : "PostgreSQL at " + place + user.map(u -> " as " + u).orElse("");
    }
  }

  /** The database this store runs on. */
  public Dialect dialect() {
    return dialect;
  }

  /** The data directory: blobs, index, settings. */
  public Path dataDir() {
    return dataDir;
  }

  /** The database itself, for the tests of this package that check what SQL alone may do. */
  Jdbi jdbi() {
    return jdbi;
  }

  /** Work on a consistent, read-only view of the whole database. */
  @FunctionalInterface
  public interface SnapshotWork<T> {
    T read(Connection connection) throws SQLException, IOException;
  }

  /**
   * Runs work on a consistent snapshot of the database while others keep writing: on SQLite, a copy
   * made by {@code VACUUM INTO} (one read transaction) and opened read-only; on PostgreSQL, a
   * {@code REPEATABLE READ} read-only transaction.
   */
  public <T> T inSnapshot(SnapshotWork<T> work) {
    if (closed) {
      throw new StorageException("The database is closed");
    }
    try {
      if (dialect == Dialect.SQLITE) {
        Path copy = Files.createTempFile(dataDir.toAbsolutePath(), "snapshot-", ".db");
        Files.delete(copy);
        try {
          try (Connection connection = pool.getConnection();
              Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
          }
          SQLiteConfig config = new SQLiteConfig();
          config.setReadOnly(true);
          try (Connection snapshot =
              config.createConnection("jdbc:sqlite:" + copy.toAbsolutePath())) {
            return work.read(snapshot);
          }
        } finally {
          Files.deleteIfExists(copy);
        }
      }
      try (Connection connection = pool.getConnection()) {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
          return work.read(connection);
        } finally {
          connection.rollback();
          connection.setReadOnly(false);
          connection.setAutoCommit(true);
        }
      }
    } catch (SQLException | IOException e) {
      throw new StorageException("A snapshot of the database could not be read", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    pool.close();
  }
}
