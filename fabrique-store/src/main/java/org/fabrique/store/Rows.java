package org.fabrique.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.memo.ItemKind;
import org.jdbi.v3.core.Handle;

/**
 * How the stores read and write the columns whose mapping is the same everywhere: nullable columns
 * as {@code Optional}, item kinds by id, and the checks of updates and deletes by id.
 */
public final class Rows {
  private Rows() {}

  /** A nullable text column. */
  public static Optional<String> optionalText(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  /** A nullable id column, as a typed id. */
  public static <T> Optional<T> optionalId(ResultSet rs, String column, Function<Long, T> idType)
      throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(idType.apply(value));
  }

  /** An item kind stored by its id; an id this version does not know is a storage fault. */
  public static ItemKind itemKind(String id) throws SQLException {
    return ItemKind.fromId(id)
        .orElseThrow(() -> new SQLException("Unknown item kind in the database: " + id));
  }

  /**
   * Deletes the row of a table by its id.
   *
   * @param table a table name written in the code, never from input
   * @throws ConflictException when there is no such row (another change removed the item)
   */
  public static void deleteById(Handle handle, String table, long id, String what) {
    requireOne(
        handle.createUpdate("DELETE FROM " + table + " WHERE id = :id").bind("id", id).execute(),
        what);
  }

  /**
   * Checks that an update or delete by id found its row.
   *
   * @throws ConflictException when it did not (another change removed the item)
   */
  public static void requireOne(int rows, String what) {
    if (rows == 0) {
      throw new ConflictException(what + " no longer exists");
    }
  }
}
