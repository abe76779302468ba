package org.fabrique.store;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.core.error.ConcurrentChangeException;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.error.FabriqueException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns the failures of SQLite and PostgreSQL into Fabrique's errors: broken uniqueness and
 * references become {@link ConflictException}s, text PostgreSQL cannot hold an {@link
 * InvalidInputException}, everything else a {@link StorageException}. The messages are for users
 * and never quote data; the database's own message stays in the cause.
 */
final class StorageFailures {
  private static final Pattern SQLITE_TABLE = Pattern.compile("constraint failed: (\\w+)\\.");

  private StorageFailures() {}

  static FabriqueException translate(Exception failure) {
    SQLException sql = sqlCause(failure);
    if (sql instanceof SQLiteException sqlite) {
      return translateSqlite(sqlite, failure);
    }
    if (sql instanceof PSQLException postgresql) {
      return translatePostgresql(postgresql, failure);
    }
    if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
      return new StorageException("The database cannot be reached", failure);
    }
    return new StorageException("The database failed to complete the request", failure);
  }

  /**
   * Whether a failure is PostgreSQL aborting a transaction that could not be serialised (40001) or
   * that was chosen to break a deadlock (40P01): running the work again may succeed.
   */
  static boolean isSerializationFailure(Throwable failure) {
    return hasState(failure, "40001") || hasState(failure, "40P01");
  }

  /** Whether a failure, or one of its causes, is an SQL failure of this SQLSTATE. */
  static boolean hasState(Throwable failure, String sqlState) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          if (sqlState.equals(next.getSQLState())) {
            return true;
          }
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static FabriqueException translateSqlite(SQLiteException sqlite, Exception failure) {
    SQLiteErrorCode code = sqlite.getResultCode();
    return switch (code) {
      case SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_ROWID ->
          new ConflictException(duplicateId(), failure);
      case SQLITE_CONSTRAINT_UNIQUE ->
          new ConflictException(duplicate(sqliteTable(sqlite)), failure);
      case SQLITE_CONSTRAINT_FOREIGNKEY -> new ConflictException(brokenReference(), failure);
      case SQLITE_BUSY,
          SQLITE_BUSY_RECOVERY,
          SQLITE_BUSY_SNAPSHOT,
          SQLITE_BUSY_TIMEOUT,
          SQLITE_LOCKED ->
          new StorageException(
              "The database is busy: another program is using it; try again in a moment", failure);
      case SQLITE_FULL -> new StorageException("The disk holding the database is full", failure);
      case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM ->
          new StorageException("The database file cannot be written", failure);
      case SQLITE_CORRUPT, SQLITE_NOTADB ->
          new StorageException(
              "The database file is damaged or is not a Fabrique database", failure);
      default -> new StorageException("The database failed to complete the request", failure);
    };
  }

  private static FabriqueException translatePostgresql(
      PSQLException postgresql, Exception failure) {
    String state = postgresql.getSQLState() == null ? "" : postgresql.getSQLState();
    ServerErrorMessage server = postgresql.getServerErrorMessage();
    return switch (state) {
      case "23505" -> {
        String constraint = server == null ? null : server.getConstraint();
        String table = server == null ? null : server.getTable();
        yield new ConflictException(
            constraint != null && constraint.endsWith("_pkey") ? duplicateId() : duplicate(table),
            failure);
      }
      case "23503" -> new ConflictException(brokenReference(), failure);
      // A text PostgreSQL cannot hold (the NUL character): the driver refuses it with 22023, the
      // server with 22021 or 22P05. SQLite keeps such text, so both refuse it as invalid input.
      case "22021", "22P05", "22023" ->
          new InvalidInputException(
              "The text holds a character the database cannot store (NUL)", failure);
      case "40001", "40P01" ->
          new ConcurrentChangeException(
              "Another change was being saved at the same time; try again", failure);
      default ->
          state.startsWith("08")
              ? new StorageException("The database cannot be reached", failure)
              : new StorageException("The database failed to complete the request", failure);
    };
  }

  private static String sqliteTable(SQLiteException sqlite) {
    Matcher matcher = SQLITE_TABLE.matcher(String.valueOf(sqlite.getMessage()));
    return matcher.find() ? matcher.group(1) : null;
  }

  private static String duplicate(String table) {
    String name = table == null ? "" : table.toLowerCase(Locale.ROOT);
    return switch (name) {
      case "users" -> "This login is already taken";
      case "segments" -> "This passage of the source already has a segment";
      case "codings" -> "This passage is already coded with this code by this coder";
      case "attribute_definitions" -> "An attribute of this name already exists";
      default -> "This item already exists";
    };
  }

  private static String duplicateId() {
    return "An item with this id already exists";
  }

  private static String brokenReference() {
    return "The change refers to an item that no longer exists, "
        + "or removes an item that others still refer to";
  }

  private static SQLException sqlCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        // PostgreSQL's driver reports a failed batch as a BatchUpdateException whose next
        // exception is the server's own (a broken reference, a duplicate).
        return sql instanceof BatchUpdateException && sql.getNextException() != null
            ? sql.getNextException()
            : sql;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
