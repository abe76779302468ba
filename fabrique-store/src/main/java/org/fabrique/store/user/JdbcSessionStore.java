package org.fabrique.store.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.fabrique.core.user.Session;
import org.fabrique.core.user.SessionStore;
import org.fabrique.core.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Sessions in table {@code sessions}, by the hash of their token. */
public final class JdbcSessionStore implements SessionStore {
  private final Handle handle;

  public JdbcSessionStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(Session session) {
    handle
        .createUpdate(
            "INSERT INTO sessions (id, user_id, created_at, last_seen_at)"
                + " VALUES (:id, :user, :created, :seen)")
        .bind("id", session.id())
        .bind("user", session.user().value())
        .bind("created", session.createdAt().toString())
        .bind("seen", session.lastSeenAt().toString())
        .execute();
  }

  @Override
  public Optional<Session> find(String id) {
    return handle
        .createQuery("SELECT id, user_id, created_at, last_seen_at FROM sessions WHERE id = :id")
        .bind("id", id)
        .map(JdbcSessionStore::session)
        .findOne();
  }

  @Override
  public void touch(String id, Instant lastSeenAt) {
    handle
        .createUpdate("UPDATE sessions SET last_seen_at = :seen WHERE id = :id")
        .bind("id", id)
        .bind("seen", lastSeenAt.toString())
        .execute();
  }

  @Override
  public void delete(String id) {
    handle.createUpdate("DELETE FROM sessions WHERE id = :id").bind("id", id).execute();
  }

  @Override
  public void deleteOfUser(UserId user) {
    handle
        .createUpdate("DELETE FROM sessions WHERE user_id = :user")
        .bind("user", user.value())
        .execute();
  }

  @Override
  public void deleteExpired(Instant idleBefore, Instant createdBefore) {
    // Instants are stored as ISO-8601 text; compared as instants here, so that their written
    // precision does not matter.
    handle
        .createQuery("SELECT id, user_id, created_at, last_seen_at FROM sessions")
        .map(JdbcSessionStore::session)
        .list()
        .stream()
        .filter(s -> s.lastSeenAt().isBefore(idleBefore) || s.createdAt().isBefore(createdBefore))
        .forEach(s -> delete(s.id()));
  }

  private static Session session(ResultSet rs, StatementContext context) throws SQLException {
    return new Session(
        rs.getString("id"),
        new UserId(rs.getLong("user_id")),
        Instant.parse(rs.getString("created_at")),
        Instant.parse(rs.getString("last_seen_at")));
  }
}
