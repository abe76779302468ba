package org.fabrique.core.user;

import java.time.Instant;

/**
 * A signed-in browser or client. The id is the SHA-256 of the token the client holds, so that the
 * stored sessions cannot be replayed by whoever reads the database.
 */
public record Session(String id, UserId user, Instant createdAt, Instant lastSeenAt) {
  public Session seenAt(Instant when) {
    return new Session(id, user, createdAt, when);
  }
}
