package org.fabrique.store.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.token.ApiToken;
import org.fabrique.core.token.TokenStore;
import org.fabrique.core.user.UserId;
import org.jdbi.v3.core.Handle;

/** Personal API tokens in table {@code api_tokens}, by the digest of their secret. */
public final class JdbcTokenStore implements TokenStore {
  private static final String COLUMNS =
      "id, user_id, hint, created_at, expires_at, revoked_at, last_used_at";

  private final Handle handle;

  public JdbcTokenStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(ApiToken token, String digest) {
    handle
        .createUpdate(
            "INSERT INTO api_tokens (id, user_id, digest, hint, created_at, expires_at,"
                + " revoked_at, last_used_at) VALUES (:id, :user, :digest, :hint, :createdAt,"
                + " :expiresAt, :revokedAt, :lastUsedAt)")
        .bind("id", token.id())
        .bind("user", token.user().value())
        .bind("digest", digest)
        .bind("hint", token.hint())
        .bind("createdAt", token.createdAt().toString())
        .bind("expiresAt", token.expiresAt().map(Instant::toString).orElse(null))
        .bind("revokedAt", token.revokedAt().map(Instant::toString).orElse(null))
        .bind("lastUsedAt", token.lastUsedAt().map(Instant::toString).orElse(null))
        .execute();
  }

  @Override
  public Optional<ApiToken> findByDigest(String digest) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM api_tokens WHERE digest = :digest")
        .bind("digest", digest)
        .map((rs, context) -> token(rs))
        .findOne();
  }

  @Override
  public Optional<ApiToken> find(long id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM api_tokens WHERE id = :id")
        .bind("id", id)
        .map((rs, context) -> token(rs))
        .findOne();
  }

  @Override
  public List<ApiToken> list() {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM api_tokens ORDER BY id")
        .map((rs, context) -> token(rs))
        .list();
  }

  @Override
  public void revoke(long id, Instant at) {
    handle
        .createUpdate(
            "UPDATE api_tokens SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
        .bind("id", id)
        .bind("at", at.toString())
        .execute();
  }

  @Override
  public void used(long id, Instant at) {
    handle
        .createUpdate("UPDATE api_tokens SET last_used_at = :at WHERE id = :id")
        .bind("id", id)
        .bind("at", at.toString())
        .execute();
  }

  private static ApiToken token(ResultSet rs) throws SQLException {
    return new ApiToken(
        rs.getLong("id"),
        new UserId(rs.getLong("user_id")),
        rs.getString("hint"),
        Instant.parse(rs.getString("created_at")),
        instant(rs.getString("expires_at")),
        instant(rs.getString("revoked_at")),
        instant(rs.getString("last_used_at")));
  }

  private static Optional<Instant> instant(String text) {
    return Optional.ofNullable(text).map(Instant::parse);
  }
}
