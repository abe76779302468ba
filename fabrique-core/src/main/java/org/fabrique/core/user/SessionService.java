package org.fabrique.core.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.fabrique.core.store.Store;

/**
 * Sessions of signed-in users: opened with a random token given once to the client, found again by
 * the token's hash, ended when the user signs out, when they stay idle too long, and in any case
 * after an absolute lifetime. Disabled accounts have no session.
 */
public final class SessionService {
  /** How long a session lives: idle at most {@code idle}, in total at most {@code absolute}. */
  public record Policy(Duration idle, Duration absolute) {
    /** Twelve hours idle, seven days in all. */
    public static Policy defaults() {
      return new Policy(Duration.ofHours(12), Duration.ofDays(7));
    }
  }

  /** A session just opened: the token to give the client (never stored) and whose it is. */
  public record Opened(String token, User user, Instant expiresAt) {
    @Override
    public String toString() {
      return "Opened[user=" + user.id() + "]";
    }
  }

  /** The last-seen time is written at most this often, so that reading pages does not write. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final Store store;
  private final Clock clock;
  private final Policy policy;
  private final SecureRandom random = new SecureRandom();

  public SessionService(Store store, Clock clock, Policy policy) {
    this.store = store;
    this.clock = clock;
    this.policy = policy;
  }

  public Policy policy() {
    return policy;
  }

  /** Opens a session for a user (whose password or identity was checked by the caller). */
  public Opened open(User user) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    store.inTransaction(
        tx -> {
          tx.sessions().deleteExpired(now.minus(policy.idle()), now.minus(policy.absolute()));
          tx.sessions().insert(new Session(idOf(token), user.id(), now, now));
          return null;
        });
    return new Opened(token, user, now.plus(policy.absolute()));
  }

  /** The user a token signs in, while the session lives and the account is enabled. */
  public Optional<User> user(String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return Optional.empty();
    }
    String id = idOf(token);
    Instant now = clock.instant();
    return store.inTransaction(
        tx -> {
          Optional<Session> found = tx.sessions().find(id);
          if (found.isEmpty()) {
            return Optional.<User>empty();
          }
          Session session = found.get();
          if (session.lastSeenAt().plus(policy.idle()).isBefore(now)
              || session.createdAt().plus(policy.absolute()).isBefore(now)) {
            tx.sessions().delete(id);
            return Optional.<User>empty();
          }
          Optional<Account> account = tx.users().account(session.user());
          if (account.isEmpty() || account.get().disabled()) {
            return Optional.<User>empty();
          }
          if (session.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            tx.sessions().touch(id, now);
          }
          return Optional.of(account.get().user());
        });
  }

  /** Ends the session of a token (nothing happens when there is none). */
  public void close(String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return;
    }
    store.inTransaction(
        tx -> {
          tx.sessions().delete(idOf(token));
          return null;
        });
  }

  /** The stored id of a token: its SHA-256, in hexadecimal. */
  static String idOf(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
