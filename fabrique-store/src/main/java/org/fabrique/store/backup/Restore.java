package org.fabrique.store.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;
import org.fabrique.store.Dialect;
import org.fabrique.store.JdbcStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Restores a backup onto an empty data directory (and, for a team server, an empty PostgreSQL
 * database). Everything is checked first — the passphrase, every segment of an encrypted file, the
 * digest of every entry — in a staging folder beside the target; nothing is written to the target
 * until all of it verified. The database is loaded at the backup's schema version in one
 * transaction and then brought to the current one. The search index is rebuilt by the caller.
 */
public final class Restore {
  /** Where the database goes: SQLite in the data directory, or an empty PostgreSQL database. */
  public record Target(
      Optional<String> postgresUrl, Optional<String> user, Optional<String> password) {
    public static Target sqlite() {
      return new Target(Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  private Restore() {}

  /**
   * Restores a backup.
   *
   * @param passphrase the passphrase of an encrypted backup
   * @throws InvalidInputException when the target is not empty, the passphrase is missing or wrong,
   *     or the file is not a backup, damaged, changed or cut short: nothing is then written
   */
  public static BackupManifest restore(
      Path file, Optional<char[]> passphrase, Path dataDir, Target target) {
    Path data = dataDir.toAbsolutePath();
    requireEmpty(data);
    Path staging;
    try {
      Files.createDirectories(data.getParent());
      staging = Files.createTempDirectory(data.getParent(), ".fabrique-restore-");
    } catch (IOException e) {
      throw new StorageException("A staging folder cannot be created beside " + dataDir, e);
    }
    try {
      Path archive = staging.resolve("archive.zip");
      decrypt(file, passphrase, archive);
      Path stagedData = staging.resolve("data");
      Files.createDirectories(stagedData.resolve("blobs"));
      try (ZipFile zip = new ZipFile(archive.toFile())) {
        BackupManifest manifest = verify(zip, stagedData);
        if (target.postgresUrl().isEmpty()) {
          SQLiteConfig config = new SQLiteConfig();
          config.enforceForeignKeys(true);
          SQLiteDataSource sqlite = new SQLiteDataSource(config);
          sqlite.setUrl("jdbc:sqlite:" + stagedData.resolve(JdbcStore.DATABASE_FILE));
          load(sqlite, Dialect.SQLITE, zip, manifest);
        } else {
          PGSimpleDataSource postgres = new PGSimpleDataSource();
          postgres.setURL(target.postgresUrl().get());
          target.user().ifPresent(postgres::setUser);
          target.password().ifPresent(postgres::setPassword);
          load(postgres, Dialect.POSTGRESQL, zip, manifest);
        }
        moveIntoPlace(stagedData, data);
        return manifest;
      }
    } catch (ZipException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidInputException("The backup is damaged: its archive cannot be read", e);
    } catch (IOException | SQLException e) {
      throw new StorageException("The backup could not be restored; nothing was written", e);
    } finally {
      deleteTree(staging);
    }
  }

  private static void requireEmpty(Path data) {
    if (Files.exists(data)) {
      try (Stream<Path> entries = Files.list(data)) {
        if (entries.findAny().isPresent()) {
          throw new InvalidInputException(
              "Restore onto an empty data directory: " + data + " is not empty");
        }
      } catch (IOException e) {
        throw new StorageException("The data directory cannot be read: " + data, e);
      }
    }
  }

  /** Copies the archive out of the backup file, decrypting and authenticating it on the way. */
  private static void decrypt(Path file, Optional<char[]> passphrase, Path archive) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      BackupCrypto.Header header = BackupCrypto.readHeader(in);
      InputStream body = in;
      if (header.encrypted()) {
        if (passphrase.isEmpty()) {
          throw new InvalidInputException(
              "This backup is encrypted: give its passphrase (FABRIQUE_BACKUP_PASSPHRASE)");
        }
        body = BackupCrypto.unwrap(in, header, passphrase.get());
      }
      try (OutputStream out = Files.newOutputStream(archive)) {
        body.transferTo(out);
      } catch (IOException e) {
        if (header.encrypted()) {
          throw new InvalidInputException(
              "The backup cannot be decrypted: the passphrase is wrong, or the file was changed"
                  + " or cut short. Nothing was written",
              e);
        }
        throw e;
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InvalidInputException("There is no backup file " + file, e);
    } catch (IOException e) {
      throw new StorageException("The backup cannot be read: " + file, e);
    }
  }

  /** Checks the digest of every entry and unpacks the stored files and settings. */
  private static BackupManifest verify(ZipFile zip, Path stagedData) throws IOException {
    ZipEntry manifestEntry = zip.getEntry(Backups.MANIFEST);
    if (manifestEntry == null) {
      throw new InvalidInputException("The backup is damaged or incomplete: it has no manifest");
    }
    BackupManifest manifest;
    try (InputStream in = zip.getInputStream(manifestEntry)) {
      manifest = Backups.JSON.readValue(in, BackupManifest.class);
    }
    if (manifest.format() != BackupCrypto.FORMAT) {
      throw new InvalidInputException("This backup has a format this Fabrique cannot read");
    }
    for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
      String name = all.nextElement().getName();
      if (!name.equals(Backups.MANIFEST) && !manifest.entries().containsKey(name)) {
        throw new InvalidInputException(
            "The backup was changed: " + name + " is not in its manifest");
      }
    }
    for (var expected : manifest.entries().entrySet()) {
      String name = expected.getKey();
      if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
        throw new InvalidInputException("The backup was changed: an entry has an unsafe name");
      }
      ZipEntry entry = zip.getEntry(name);
      if (entry == null) {
        throw new InvalidInputException("The backup is incomplete: " + name + " is missing");
      }
      Path destination = null;
      if (name.startsWith(Backups.BLOBS)) {
        String digest = name.substring(Backups.BLOBS.length());
        if (!digest.matches("[0-9a-f]{64}")) {
          throw new InvalidInputException(
              "The backup was changed: " + name + " is not a file digest");
        }
        destination =
            stagedData
                .resolve("blobs")
                .resolve(digest.substring(0, 2))
                .resolve(digest.substring(2));
      } else if (name.startsWith(Backups.SETTINGS)) {
        destination =
            stagedData.resolve("settings").resolve(name.substring(Backups.SETTINGS.length()));
      }
      MessageDigest sha = Backups.sha256();
      try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
        if (destination == null) {
          in.transferTo(OutputStream.nullOutputStream());
        } else {
          Files.createDirectories(destination.getParent());
          Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      if (!Backups.hex(sha).equals(expected.getValue())) {
        throw new InvalidInputException(
            "The backup was changed or damaged: " + name + " does not match its digest");
      }
    }
    return manifest;
  }

  private static void load(DataSource target, Dialect dialect, ZipFile zip, BackupManifest manifest)
      throws SQLException, IOException {
    Flyway flyway =
        Flyway.configure()
            .dataSource(target)
            .locations(dialect.migrationLocations())
            .target(MigrationVersion.fromVersion(manifest.schemaVersion()))
            .load();
    try {
      if (flyway.info().applied().length > 0) {
        throw new InvalidInputException("The database to restore onto is not empty");
      }
      boolean known = false;
      for (MigrationInfo migration : flyway.info().all()) {
        known |=
            migration.getVersion() != null
                && migration.getVersion().getVersion().equals(manifest.schemaVersion());
      }
      if (!known) {
        throw new InvalidInputException(
            "This backup was made by a newer Fabrique (schema "
                + manifest.schemaVersion()
                + "); restore it with that version");
      }
      flyway.migrate();
    } catch (FlywayException e) {
      throw new StorageException("The database to restore onto could not be prepared", e);
    }
    try (Connection db = target.getConnection()) {
      db.setAutoCommit(false);
      try {
        new TableLoader(db, dialect).load(zip, manifest);
        try (Statement statement = db.createStatement()) {
          if (dialect == Dialect.SQLITE) {
            statement.execute("UPDATE id_allocator SET next_id = " + manifest.nextId());
          } else {
            statement.execute("SELECT setval('fabrique_ids', " + manifest.nextId() + ", false)");
          }
        }
        db.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        db.rollback();
        throw e;
      }
    }
  }

  private static void moveIntoPlace(Path stagedData, Path data) throws IOException {
    try {
      Files.deleteIfExists(data);
    } catch (DirectoryNotEmptyException e) {
      throw new InvalidInputException("The data directory was written to during the restore", e);
    }
    Files.move(stagedData, data, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // a staging folder left behind holds nothing that was not in the backup
    }
  }
}
