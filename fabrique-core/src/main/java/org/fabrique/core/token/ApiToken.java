package org.fabrique.core.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.user.UserId;

/**
 * A personal API token, as kept: the token itself is never stored, only its SHA-256 digest.
 *
 * @param id its id, which {@code fabrique token revoke} takes
 * @param user whose requests it makes
 * @param hint the first characters of the token, to tell tokens apart in a list
 * @param createdAt when it was made
 * @param expiresAt when it stops working, if ever
 * @param revokedAt when it was revoked, if it was
 * @param lastUsedAt when it was last used, if ever
 */
public record ApiToken(
    long id,
    UserId user,
    String hint,
    Instant createdAt,
    Optional<Instant> expiresAt,
    Optional<Instant> revokedAt,
    Optional<Instant> lastUsedAt) {

  public ApiToken {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
  }

  /** Whether it may be used at this instant: not revoked, not expired. */
  public boolean validAt(Instant now) {
    return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
  }
}
