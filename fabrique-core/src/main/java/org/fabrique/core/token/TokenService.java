package org.fabrique.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEvent;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.Account;
import org.fabrique.core.user.UserId;

/**
 * Personal API tokens, for scripts and OpenLineage emitters: made for a user, shown once, kept as
 * the SHA-256 digest of their secret (a random 256-bit value needs no slow hash), revoked or
 * expired. Each use is written in the audit log, at most once a minute per token.
 */
public final class TokenService {
  /** What every token starts with, so that one pasted somewhere is recognisable. */
  public static final String PREFIX = "fab_";

  private static final Duration AUDIT_EVERY = Duration.ofMinutes(1);
  private static final int HINT_LENGTH = PREFIX.length() + 6;
  private static final int MAX_LENGTH = 200;

  private final Store store;
  private final AuditLog audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<Long, Instant> lastAudited = new ConcurrentHashMap<>();

  public TokenService(Store store, AuditLog audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /** Makes a token for a user; its secret is in the result and nowhere else. */
  public NewToken create(UserId user, Optional<Instant> expiresAt) {
    Instant now = clock.instant();
    if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
      throw new InvalidInputException("A token's expiry must be in the future");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return store.inTransaction(
        tx -> {
          tx.users()
              .find(user)
              .orElseThrow(() -> new NotFoundException("There is no user " + user));
          ApiToken token =
              new ApiToken(
                  tx.newId(),
                  user,
                  secret.substring(0, HINT_LENGTH),
                  now,
                  expiresAt,
                  Optional.empty(),
                  Optional.empty());
          tx.tokens().insert(token, digest(secret));
          audit.record(
              tx,
              AuditEvent.of(AuditAction.TOKEN_CREATED)
                  .by(user)
                  .about("token " + token.id())
                  .detail(expiresAt.map(e -> "expires " + e).orElse("no expiry")));
          return new NewToken(token, secret);
        });
  }

  /** The time of this service's clock, from which expiries are counted. */
  public Instant now() {
    return clock.instant();
  }

  /** Every token, the oldest first. */
  public List<ApiToken> list() {
    return store.inTransaction(tx -> tx.tokens().list());
  }

  /** Revokes a token for good; revoking it again changes nothing. */
  public ApiToken revoke(UserId by, long id) {
    return store.inTransaction(
        tx -> {
          ApiToken token =
              tx.tokens()
                  .find(id)
                  .orElseThrow(() -> new NotFoundException("There is no token " + id));
          if (token.revokedAt().isPresent()) {
            return token;
          }
          Instant now = clock.instant();
          tx.tokens().revoke(id, now);
          audit.record(tx, AuditEvent.of(AuditAction.TOKEN_REVOKED).by(by).about("token " + id));
          return tx.tokens().find(id).orElseThrow();
        });
  }

  /**
   * The account a token speaks for, when the token is valid (known, not expired, not revoked) and
   * the account enabled; its use is recorded. A secret that names no valid token gives nothing (the
   * caller refuses the request). Uses are written in the audit log, and the token's last use
   * updated, at most once a minute per token.
   *
   * @param address where the request came from, for the audit log
   */
  public Optional<Account> authenticate(String secret, Optional<String> address) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return store.inTransaction(
        tx -> {
          Optional<ApiToken> found =
              tx.tokens().findByDigest(digest(secret)).filter(t -> t.validAt(now));
          if (found.isEmpty()) {
            return Optional.<Account>empty();
          }
          ApiToken token = found.get();
          Optional<Account> account = tx.users().account(token.user()).filter(a -> !a.disabled());
          if (account.isEmpty()) {
            return Optional.<Account>empty();
          }
          Instant audited = lastAudited.get(token.id());
          if (audited == null || !now.isBefore(audited.plus(AUDIT_EVERY))) {
            tx.tokens().used(token.id(), now);
            AuditEvent event =
                AuditEvent.of(AuditAction.TOKEN_USED).by(token.user()).about("token " + token.id());
            audit.record(tx, address.map(event::from).orElse(event));
            lastAudited.put(token.id(), now);
          }
          return account;
        });
  }

  /** The SHA-256 digest of a secret, in hexadecimal. */
  static String digest(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
