package org.fabrique.core.user;

import java.time.Instant;
import java.util.Optional;

/** Where sessions are kept (in the database, so that a restart keeps them). */
public interface SessionStore {
  void insert(Session session);

  Optional<Session> find(String id);

  void touch(String id, Instant lastSeenAt);

  void delete(String id);

  /** Ends every session of a user (disabled account, new password). */
  void deleteOfUser(UserId user);

  /**
   * Removes sessions idle since before {@code idleBefore} or created before {@code createdBefore}.
   */
  void deleteExpired(Instant idleBefore, Instant createdBefore);
}
