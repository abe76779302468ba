package org.fabrique.store.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fabrique.core.error.StorageException;
import org.fabrique.store.Dialect;
import org.fabrique.store.JdbcStore;
import org.fabrique.store.history.ItemIds;

/**
 * Backups of a data directory while Fabrique runs: a consistent snapshot of the database (every
 * table as JSON lines, read in one snapshot), the stored files it refers to, and a manifest of
 * digests, in a zip archive, optionally encrypted ({@link BackupCrypto}). Restore with {@link
 * Restore}; the format is the same for SQLite and PostgreSQL, so a backup restores onto either.
 */
public final class Backups {
  static final String TABLES = "tables/";
  static final String BLOBS = "blobs/";
  static final String MANIFEST = "manifest.json";
  static final String SETTINGS = "settings/";

  /** Tables that belong to the database engine's bookkeeping, not to Fabrique's data. */
  static final Set<String> NOT_DATA = Set.of("flyway_schema_history", "id_allocator");

  static final ObjectMapper JSON = new ObjectMapper();

  private Backups() {}

  /** Writes a backup without encryption. */
  public static BackupManifest write(JdbcStore store, Path out) {
    return write(store, out, Optional.empty(), BackupCrypto.Cost.DEFAULT);
  }

  /** Writes a backup encrypted with a passphrase. */
  public static BackupManifest writeEncrypted(JdbcStore store, Path out, char[] passphrase) {
    return write(store, out, Optional.of(passphrase), BackupCrypto.Cost.DEFAULT);
  }

  static BackupManifest write(
      JdbcStore store, Path out, Optional<char[]> passphrase, BackupCrypto.Cost cost) {
    Path target = out.toAbsolutePath();
    Path partial;
    try {
      Files.createDirectories(target.getParent());
      partial = Files.createTempFile(target.getParent(), ".backup-", ".partial");
    } catch (IOException e) {
      throw new StorageException("The backup cannot be written next to " + out, e);
    }
    try {
      BackupManifest manifest;
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial))) {
        OutputStream archive;
        if (passphrase.isPresent()) {
          archive = BackupCrypto.wrap(file, passphrase.get(), cost);
        } else {
          BackupCrypto.writePlainHeader(file);
          archive = file;
        }
        try (ZipOutputStream zip = new ZipOutputStream(archive)) {
          manifest = store.inSnapshot(connection -> writeArchive(store, connection, zip));
        }
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return manifest;
    } catch (IOException e) {
      throw new StorageException("The backup could not be written to " + out, e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // left for the operating system's temporary-file cleaning
      }
    }
  }

  private static BackupManifest writeArchive(JdbcStore store, Connection db, ZipOutputStream zip)
      throws SQLException, IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : tables(db, store.dialect())) {
      String entry = TABLES + table + ".jsonl";
      zip.putNextEntry(new ZipEntry(entry));
      DigestOutputStream digest = new DigestOutputStream(new Unclosable(zip), sha256());
      long count = 0;
      try (Statement statement = db.createStatement();
          ResultSet rs = statement.executeQuery("SELECT * FROM " + table);
          JsonGenerator json = JSON.getFactory().createGenerator(digest)) {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
        }
        columns.put(table, names);
        while (rs.next()) {
          json.writeStartArray();
          for (int i = 1; i <= names.size(); i++) {
            json.writeObject(rs.getObject(i));
          }
          json.writeEndArray();
          json.writeRaw('\n');
          count++;
        }
      }
      zip.closeEntry();
      entries.put(entry, hex(digest.getMessageDigest()));
      rows.put(table, count);
    }
    for (String blob : referencedBlobs(db)) {
      String entry = BLOBS + blob;
      zip.putNextEntry(new ZipEntry(entry));
      try (InputStream in = store.blobs().open(blob)) {
        in.transferTo(zip);
      } catch (org.fabrique.core.error.NotFoundException e) {
        throw new StorageException(
            "A stored file of the snapshot is missing (was a source purged during the backup?);"
                + " run the backup again",
            e);
      }
      zip.closeEntry();
      entries.put(entry, blob);
    }
    Path settings = store.dataDir().resolve("settings");
    if (Files.isDirectory(settings)) {
      try (var files = Files.list(settings)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String entry = SETTINGS + file.getFileName();
          zip.putNextEntry(new ZipEntry(entry));
          byte[] bytes = Files.readAllBytes(file);
          zip.write(bytes);
          zip.closeEntry();
          entries.put(entry, HexFormat.of().formatHex(sha256().digest(bytes)));
        }
      }
    }
    BackupManifest manifest =
        new BackupManifest(
            BackupCrypto.FORMAT,
            Clock.systemUTC().instant().toString(),
            store.dialect().name().toLowerCase(Locale.ROOT),
            schemaVersion(db),
            nextId(db, store.dialect()),
            columns,
            rows,
            entries);
    zip.putNextEntry(new ZipEntry(MANIFEST));
    zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    zip.closeEntry();
    return manifest;
  }

  /** The tables of Fabrique's data, by name. */
  static List<String> tables(Connection db, Dialect dialect) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (ResultSet rs =
        db.getMetaData()
            .getTables(
                null,
                dialect == Dialect.POSTGRESQL ? "public" : null,
                "%",
                new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!NOT_DATA.contains(name) && !name.startsWith("sqlite_")) {
          names.add(name);
        }
      }
    }
    return List.copyOf(names);
  }

  /** The stored files the snapshot refers to: sources, and history lines that can restore one. */
  private static Set<String> referencedBlobs(Connection db) throws SQLException {
    Set<String> digests = new TreeSet<>();
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT original_digest, text_digest FROM sources")) {
      while (rs.next()) {
        digests.add(rs.getString(1));
        digests.add(rs.getString(2));
      }
    }
    try (Statement statement = db.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT operation_json, inverse_json FROM history WHERE operation_json LIKE"
                    + " '%Digest%' OR inverse_json LIKE '%Digest%'")) {
      while (rs.next()) {
        ItemIds.digests(rs.getString(1), digests);
        ItemIds.digests(rs.getString(2), digests);
      }
    }
    return digests;
  }

  static String schemaVersion(Connection db) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                    + " ORDER BY installed_rank DESC")) {
      return rs.next() ? rs.getString(1) : "0";
    }
  }

  private static long nextId(Connection db, Dialect dialect) throws SQLException {
    try (Statement statement = db.createStatement()) {
      if (dialect == Dialect.SQLITE) {
        try (ResultSet rs = statement.executeQuery("SELECT next_id FROM id_allocator")) {
          rs.next();
          return rs.getLong(1);
        }
      }
      try (ResultSet rs =
          statement.executeQuery("SELECT last_value, is_called FROM fabrique_ids")) {
        rs.next();
        return rs.getBoolean(2) ? rs.getLong(1) + 1 : rs.getLong(1);
      }
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The entry of a zip archive, which the JSON writer must not close. */
  private static final class Unclosable extends java.io.FilterOutputStream {
    Unclosable(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
