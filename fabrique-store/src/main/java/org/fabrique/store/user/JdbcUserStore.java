package org.fabrique.store.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;
import org.fabrique.core.user.UserStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Users in table {@code users}; logins are unique. */
public final class JdbcUserStore implements UserStore {
  private static final String COLUMNS = "id, login, display_name";

  private final Handle handle;

  public JdbcUserStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(User user) {
    handle
        .createUpdate(
            "INSERT INTO users (id, login, display_name) VALUES (:id, :login, :displayName)")
        .bind("id", user.id().value())
        .bind("login", user.login())
        .bind("displayName", user.displayName())
        .execute();
  }

  @Override
  public Optional<User> find(UserId id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcUserStore::user)
        .findOne();
  }

  @Override
  public Optional<User> findByLogin(String login) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM users WHERE login = :login")
        .bind("login", login)
        .map(JdbcUserStore::user)
        .findOne();
  }

  @Override
  public List<User> list() {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM users ORDER BY login, id")
        .map(JdbcUserStore::user)
        .list();
  }

  private static User user(ResultSet rs, StatementContext context) throws SQLException {
    return new User(
        new UserId(rs.getLong("id")), rs.getString("login"), rs.getString("display_name"));
  }
}
