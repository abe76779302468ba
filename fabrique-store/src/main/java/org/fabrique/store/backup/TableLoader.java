package org.fabrique.store.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.store.Dialect;

/**
 * Loads the tables of a backup into an empty database at the backup's schema version, in one
 * transaction: parents before children (from the database's own foreign keys), and columns that
 * refer to their own table (a code's parent, an undo line's target) set in a second pass.
 */
final class TableLoader {
  private static final int BATCH = 1_000;

  private final Connection db;
  private final Dialect dialect;
  private final String schema;

  TableLoader(Connection db, Dialect dialect) {
    this.db = db;
    this.dialect = dialect;
    this.schema = dialect == Dialect.POSTGRESQL ? "public" : null;
  }

  void load(ZipFile archive, BackupManifest manifest) throws SQLException, IOException {
    List<String> present = Backups.tables(db, dialect);
    for (String table : manifest.columns().keySet()) {
      if (!present.contains(table)) {
        throw new InvalidInputException(
            "The backup has a table " + table + " that this database does not have");
      }
      if (count(table) > 0) {
        throw new InvalidInputException(
            "The database to restore onto is not empty (" + table + ")");
      }
    }
    for (String table : order(manifest.columns().keySet())) {
      load(archive, table, manifest.columns().get(table));
    }
  }

  private long count(String table) throws SQLException {
    try (var statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Tables ordered so that every table comes after the tables it refers to. */
  private List<String> order(Set<String> tables) throws SQLException {
    Map<String, Set<String>> parents = new LinkedHashMap<>();
    for (String table : tables) {
      Set<String> refs = new HashSet<>();
      for (String[] key : foreignKeys(table)) {
        if (!key[1].equals(table) && tables.contains(key[1])) {
          refs.add(key[1]);
        }
      }
      parents.put(table, refs);
    }
    List<String> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(parents.keySet());
    int stuck = 0;
    while (!pending.isEmpty()) {
      String table = pending.removeFirst();
      if (placed.containsAll(parents.get(table))) {
        ordered.add(table);
        placed.add(table);
        stuck = 0;
      } else {
        pending.addLast(table);
        if (++stuck > pending.size()) {
          throw new IllegalStateException("The tables refer to each other in a cycle: " + pending);
        }
      }
    }
    return ordered;
  }

  /** The foreign keys of a table: column, referenced table, referenced column. */
  private List<String[]> foreignKeys(String table) throws SQLException {
    List<String[]> keys = new ArrayList<>();
    try (ResultSet rs = db.getMetaData().getImportedKeys(null, schema, table)) {
      while (rs.next()) {
        keys.add(
            new String[] {
              rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
              rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
              rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)
            });
      }
    }
    return keys;
  }

  private Map<String, Integer> types(String table) throws SQLException {
    Map<String, Integer> types = new HashMap<>();
    try (ResultSet rs = db.getMetaData().getColumns(null, schema, table, "%")) {
      while (rs.next()) {
        types.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
      }
    }
    return types;
  }

  private void load(ZipFile archive, String table, List<String> columns)
      throws SQLException, IOException {
    Map<String, Integer> types = types(table);
    for (String column : columns) {
      if (!types.containsKey(column)) {
        throw new InvalidInputException(
            "The backup has a column "
                + table
                + "."
                + column
                + " that this database does not have");
      }
    }
    Set<String> selfColumns = new LinkedHashSet<>();
    String selfKey = null;
    for (String[] key : foreignKeys(table)) {
      if (key[1].equals(table)) {
        selfColumns.add(key[0]);
        selfKey = key[2];
      }
    }
    String insert =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + String.join(", ", columns.stream().map(c -> "?").toList())
            + ")";
    List<JsonNode[]> deferred = new ArrayList<>();
    int keyIndex = selfKey == null ? -1 : columns.indexOf(selfKey);
    var entry = archive.getEntry(Backups.TABLES + table + ".jsonl");
    try (InputStream in = archive.getInputStream(entry);
        JsonParser rows = Backups.JSON.getFactory().createParser(in);
        PreparedStatement statement = db.prepareStatement(insert)) {
      int batched = 0;
      while (rows.nextToken() != null) {
        JsonNode row = rows.readValueAsTree();
        if (!row.isArray() || row.size() != columns.size()) {
          throw row.isArray()
              ? new InvalidInputException(
                  "A row of table "
                      + table
                      + " in the backup is damaged ("
                      + row.size()
                      + " values where "
                      + columns.size()
                      + " were expected)")
              : new InvalidInputException(
                  "A row of table "
                      + table
                      + " in the backup is damaged (not a row where "
                      + columns.size()
                      + " values were expected)");
        }
        for (int i = 0; i < columns.size(); i++) {
          JsonNode value = row.get(i);
          if (selfColumns.contains(columns.get(i)) && !value.isNull()) {
            deferred.add(new JsonNode[] {row.get(keyIndex), value});
            value = com.fasterxml.jackson.databind.node.NullNode.getInstance();
          }
          bind(statement, i + 1, value, types.get(columns.get(i)));
        }
        statement.addBatch();
        if (++batched == BATCH) {
          statement.executeBatch();
          batched = 0;
        }
      }
      if (batched > 0) {
        statement.executeBatch();
      }
    }
    if (!deferred.isEmpty()) {
      String column = selfColumns.iterator().next();
      try (PreparedStatement update =
          db.prepareStatement(
              "UPDATE " + table + " SET " + column + " = ? WHERE " + selfKey + " = ?")) {
        for (JsonNode[] pair : deferred) {
          bind(update, 1, pair[1], types.get(column));
          bind(update, 2, pair[0], types.get(selfKey));
          update.addBatch();
        }
        update.executeBatch();
      }
    }
  }

  private static void bind(PreparedStatement statement, int index, JsonNode value, int type)
      throws SQLException {
    if (value == null || value.isNull()) {
      statement.setNull(index, type);
    } else if (type == Types.BOOLEAN || type == Types.BIT) {
      statement.setBoolean(index, value.isBoolean() ? value.booleanValue() : value.asLong() != 0);
    } else if (value.isBoolean()) {
      statement.setLong(index, value.booleanValue() ? 1 : 0);
    } else if (value.isIntegralNumber()) {
      statement.setLong(index, value.longValue());
    } else if (value.isNumber()) {
      statement.setDouble(index, value.doubleValue());
    } else {
      statement.setString(index, value.asText());
    }
  }
}
