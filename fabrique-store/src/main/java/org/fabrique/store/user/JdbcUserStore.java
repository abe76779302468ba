package org.fabrique.store.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.user.Account;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;
import org.fabrique.core.user.UserStore;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Users in table {@code users}; logins are unique. */
public final class JdbcUserStore implements UserStore {
  private static final String COLUMNS = "id, login, display_name";
  private static final String ACCOUNT_COLUMNS = COLUMNS + ", is_admin, disabled";

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

  @Override
  public Optional<Account> account(UserId id) {
    return handle
        .createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcUserStore::account)
        .findOne();
  }

  @Override
  public List<Account> accounts() {
    return handle
        .createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM users ORDER BY login, id")
        .map(JdbcUserStore::account)
        .list();
  }

  @Override
  public void updateAccount(Account account) {
    Rows.requireOne(
        handle
            .createUpdate(
                "UPDATE users SET display_name = :displayName, is_admin = :admin,"
                    + " disabled = :disabled WHERE id = :id")
            .bind("id", account.user().id().value())
            .bind("displayName", account.user().displayName())
            .bind("admin", account.admin())
            .bind("disabled", account.disabled())
            .execute(),
        "This user");
  }

  @Override
  public Optional<String> passwordHash(UserId id) {
    return handle
        .createQuery("SELECT password_hash FROM users WHERE id = :id")
        .bind("id", id.value())
        .map((rs, ctx) -> Optional.ofNullable(rs.getString("password_hash")))
        .findOne()
        .flatMap(hash -> hash);
  }

  @Override
  public void setPasswordHash(UserId id, String hash) {
    Rows.requireOne(
        handle
            .createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
            .bind("id", id.value())
            .bind("hash", hash)
            .execute(),
        "This user");
  }

  @Override
  public Optional<User> findByIdentity(String issuer, String subject) {
    return handle
        .createQuery(
            "SELECT u.id, u.login, u.display_name FROM users u JOIN user_identities i"
                + " ON i.user_id = u.id WHERE i.issuer = :issuer AND i.subject = :subject")
        .bind("issuer", issuer)
        .bind("subject", subject)
        .map(JdbcUserStore::user)
        .findOne();
  }

  @Override
  public void linkIdentity(UserId user, String issuer, String subject) {
    handle
        .createUpdate(
            "INSERT INTO user_identities (issuer, subject, user_id)"
                + " VALUES (:issuer, :subject, :user)")
        .bind("issuer", issuer)
        .bind("subject", subject)
        .bind("user", user.value())
        .execute();
  }

  private static User user(ResultSet rs, StatementContext context) throws SQLException {
    return new User(
        new UserId(rs.getLong("id")), rs.getString("login"), rs.getString("display_name"));
  }

  private static Account account(ResultSet rs, StatementContext context) throws SQLException {
    return new Account(user(rs, context), rs.getBoolean("is_admin"), rs.getBoolean("disabled"));
  }
}
