package org.fabrique.store.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.exchange.ForeignDatabase;

/**
 * A SQLite file another tool wrote, read through a private copy opened read-only: the user's file
 * is never opened for writing, nor locked, nor given a journal.
 */
public final class SqliteForeignDatabase implements ForeignDatabase {
  private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path copy;
  private final Connection connection;

  private SqliteForeignDatabase(Path copy, Connection connection) {
    this.copy = copy;
    this.connection = connection;
  }

  /**
   * Opens a copy of the file read-only.
   *
   * @throws InvalidInputException when the file is not a SQLite database
   */
  public static ForeignDatabase open(Path file) {
    String name = file.getFileName().toString();
    try (InputStream in = Files.newInputStream(file)) {
      if (!Arrays.equals(in.readNBytes(HEADER.length), HEADER)) {
        throw new InvalidInputException(name + " is not a SQLite database");
      }
    } catch (IOException e) {
      throw new InvalidInputException(name + " cannot be read", e);
    }
    Path copy;
    try {
      copy = Files.createTempFile("fabrique-foreign", ".db");
      Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Properties properties = new Properties();
      properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
      Connection connection =
          DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath(), properties);
      connection.setReadOnly(true);
      try (Statement check = connection.createStatement();
          ResultSet rs = check.executeQuery("PRAGMA quick_check")) {
        if (!rs.next() || !"ok".equalsIgnoreCase(rs.getString(1))) {
          connection.close();
          throw new InvalidInputException(name + " is a damaged SQLite database");
        }
      }
      return new SqliteForeignDatabase(copy, connection);
    } catch (SQLException e) {
      deleteQuietly(copy);
      throw new InvalidInputException(name + " cannot be opened as a SQLite database", e);
    } catch (InvalidInputException e) {
      deleteQuietly(copy);
      throw e;
    }
  }

  private static String identifier(String table) {
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("Not a table name: " + table);
    }
    return table;
  }

  @Override
  public List<String> columns(String table) {
    List<String> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA table_info(\"" + identifier(table) + "\")")) {
      while (rs.next()) {
        columns.add(rs.getString("name").toLowerCase(Locale.ROOT));
      }
      return columns;
    } catch (SQLException e) {
      throw new InvalidInputException("The table " + table + " cannot be read", e);
    }
  }

  @Override
  public void forEachRow(String table, Consumer<Map<String, Object>> row) {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM \"" + identifier(table) + "\"")) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          values.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), rs.getObject(i));
        }
        row.accept(values);
      }
    } catch (SQLException e) {
      throw new InvalidInputException("The table " + table + " cannot be read", e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StorageException("A database file could not be closed", e);
    } finally {
      deleteQuietly(copy);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary copy left behind is harmless
    }
  }
}
