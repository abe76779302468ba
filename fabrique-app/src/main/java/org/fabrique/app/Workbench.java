package org.fabrique.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.fabrique.core.Fabrique;
import org.fabrique.formats.refi.ExternalFiles;
import org.fabrique.formats.refi.RefiQdaExchange;
import org.fabrique.formats.text.ExtractionLimits;
import org.fabrique.formats.text.TikaTextExtractor;
import org.fabrique.search.LuceneSearchIndex;
import org.fabrique.search.export.TableMatrixExport;
import org.fabrique.store.Dialect;
import org.fabrique.store.JdbcStore;
import org.fabrique.store.backup.BackupManifest;
import org.fabrique.store.backup.Backups;
import org.fabrique.store.backup.Restore;
import org.fabrique.store.exchange.SqliteForeignDatabase;
import org.fabrique.store.user.Argon2PasswordHasher;

/**
 * The composition root: opens the store on the embedded default (SQLite in the data directory) or
 * on PostgreSQL, and wires the services on it. Everything is built here by hand.
 */
public final class Workbench implements AutoCloseable {
  private final JdbcStore store;
  private final Fabrique fabrique;
  private final Path dataDir;
  private final LuceneSearchIndex searchIndex;
  private final ExtractionLimits limits;

  private Workbench(JdbcStore store, Path dataDir, ExtractionLimits limits) {
    this.store = store;
    this.dataDir = dataDir;
    this.limits = limits;
    this.searchIndex = new LuceneSearchIndex(dataDir.resolve(INDEX_FOLDER));
    this.fabrique =
        Fabrique.on(
            store,
            new TikaTextExtractor(limits),
            Clock.systemUTC(),
            Fabrique.Adapters.none()
                .withSearch(searchIndex)
                .withMatrixExport(new TableMatrixExport())
                .withQda(RefiQdaExchange.factory(ExternalFiles.REFUSE, SqliteForeignDatabase::open))
                .withPasswords(new Argon2PasswordHasher())
                .withKeyTables(new org.fabrique.store.backup.EncryptedKeyTables()));
  }

  /** The folder of the search index in the data directory (one sub-folder per inquiry). */
  public static final String INDEX_FOLDER = "index";

  /** Opens the embedded default: SQLite, files and indexes in the data directory. */
  public static Workbench embedded(Path dataDir) {
    return new Workbench(JdbcStore.openSqlite(dataDir), dataDir, ExtractionLimits.defaults());
  }

  /**
   * Opens a workbench on a database URL, or on the embedded default when there is none.
   *
   * @param databaseUrl a {@code jdbc:postgresql://…} URL, or empty for SQLite
   */
  public static Workbench open(
      Path dataDir,
      Optional<String> databaseUrl,
      Optional<String> user,
      Optional<String> password) {
    return open(dataDir, databaseUrl, user, password, ExtractionLimits.defaults().maxFileBytes());
  }

  /**
   * Opens a workbench that refuses to import files larger than {@code maxFileBytes}.
   *
   * @param databaseUrl a {@code jdbc:postgresql://…} URL, or empty for SQLite
   */
  public static Workbench open(
      Path dataDir,
      Optional<String> databaseUrl,
      Optional<String> user,
      Optional<String> password,
      long maxFileBytes) {
    ExtractionLimits limits = ExtractionLimits.defaults().withMaxFileBytes(maxFileBytes);
    JdbcStore store =
        databaseUrl.isEmpty()
            ? JdbcStore.openSqlite(dataDir)
            : JdbcStore.open(databaseUrl.get(), user.orElse(null), password.orElse(null), dataDir);
    return new Workbench(store, dataDir, limits);
  }

  /** The largest file an import accepts, in bytes. */
  public long maxFileBytes() {
    return limits.maxFileBytes();
  }

  public Fabrique fabrique() {
    return fabrique;
  }

  /**
   * Writes a backup of the database, stored files and settings while others keep working; encrypted
   * when a passphrase is given.
   */
  public BackupSummary backup(Path out, Optional<char[]> passphrase) {
    return BackupSummary.of(
        passphrase.isPresent()
            ? Backups.writeEncrypted(store, out, passphrase.get())
            : Backups.write(store, out));
  }

  /** What a backup holds, in counts. */
  public record BackupSummary(long rows, int tables, long storedFiles, String schemaVersion) {
    static BackupSummary of(BackupManifest manifest) {
      return new BackupSummary(
          manifest.rowCount(),
          manifest.rows().size(),
          manifest.blobCount(),
          manifest.schemaVersion());
    }
  }

  /**
   * Restores a backup onto an empty data directory (and an empty PostgreSQL database when a URL is
   * given); nothing is written unless all of it verified. The search indexes are then rebuilt.
   *
   * @param passphrase the passphrase of an encrypted backup
   */
  public static BackupSummary restore(
      Path file,
      Optional<char[]> passphrase,
      Path dataDir,
      Optional<String> databaseUrl,
      Optional<String> user,
      Optional<String> password) {
    BackupManifest manifest =
        Restore.restore(file, passphrase, dataDir, new Restore.Target(databaseUrl, user, password));
    try (Workbench workbench = open(dataDir, databaseUrl, user, password)) {
      for (var inquiry : workbench.fabrique().inquiries().list()) {
        workbench.fabrique().search().reindex(inquiry.id());
      }
    }
    return BackupSummary.of(manifest);
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Where the data are: the database, never with a password. */
  public DataPlace where() {
    JdbcStore.Where where = store.where();
    return new DataPlace(
        where.dialect() == Dialect.SQLITE ? "SQLite" : "PostgreSQL", where.place(), where.user());
  }

  /** A database by its product name, its file or URL (without credentials) and its user. */
  public record DataPlace(String database, String place, Optional<String> user) {}

  @Override
  public void close() {
    try {
      searchIndex.close();
    } finally {
      store.close();
    }
  }
}
