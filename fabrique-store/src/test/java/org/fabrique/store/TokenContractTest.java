package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEntry;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.audit.AuditQuery;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.token.ApiToken;
import org.fabrique.core.token.NewToken;
import org.fabrique.core.token.TokenService;
import org.fabrique.core.user.Account;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Personal API tokens on every store: shown once, kept as a digest, revoked, expired, audited. */
abstract class TokenContractTest extends StoreTestCase {

  /** A clock the test moves. */
  private static final class Hands extends Clock {
    Instant now = Instant.parse("2026-03-01T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final Hands clock = new Hands();
  private AuditLog audit;
  private TokenService tokens;
  private User anne;

  @BeforeEach
  void setUp() {
    audit = new AuditLog(store, clock);
    tokens = new TokenService(store, audit, clock);
    anne = withFixtures(f -> f.user("anne"));
  }

  private Optional<User> user(String secret, Optional<String> address) {
    return tokens.authenticate(secret, address).map(Account::user);
  }

  private List<AuditAction> actions() {
    return audit.list(AuditQuery.recent(50)).stream().map(AuditEntry::action).toList();
  }

  @Test
  void aTokenSpeaksForItsUserUntilRevokedAndOnlyItsDigestIsKept() {
    NewToken made = tokens.create(anne.id(), Optional.empty());
    assertTrue(made.secret().startsWith(TokenService.PREFIX), made.secret());
    assertTrue(made.secret().length() > 40, "256 random bits");
    assertTrue(made.secret().startsWith(made.token().hint()));
    assertFalse(made.toString().contains(made.secret()), "the secret is not in its text");
    assertEquals(List.of(made.token()), tokens.list());

    assertEquals(Optional.of(anne), user(made.secret(), Optional.of("10.0.0.7")));
    assertEquals(Optional.empty(), tokens.authenticate(made.secret() + "x", Optional.empty()));
    assertEquals(Optional.empty(), tokens.authenticate("not a token", Optional.empty()));
    // Uses within a minute are written down once.
    tokens.authenticate(made.secret(), Optional.of("10.0.0.7"));
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    tokens.authenticate(made.secret(), Optional.of("10.0.0.8"));
    assertEquals(Optional.of(clock.now), tokens.list().get(0).lastUsedAt());

    ApiToken revoked = tokens.revoke(anne.id(), made.token().id());
    assertTrue(revoked.revokedAt().isPresent());
    assertEquals(Optional.empty(), tokens.authenticate(made.secret(), Optional.empty()));
    assertEquals(revoked, tokens.revoke(anne.id(), made.token().id()), "revoking twice");
    assertEquals(
        List.of(
            AuditAction.TOKEN_REVOKED,
            AuditAction.TOKEN_USED,
            AuditAction.TOKEN_USED,
            AuditAction.TOKEN_CREATED),
        actions());
    AuditEntry used = audit.list(AuditQuery.recent(2)).get(1);
    assertEquals(Optional.of("anne"), used.actor());
    assertEquals(Optional.of("10.0.0.8"), used.address());
    assertFalse(used.toString().contains(made.secret()));
  }

  @Test
  void aTokenStopsWorkingWhenItExpires() {
    NewToken made = tokens.create(anne.id(), Optional.of(clock.now.plus(Duration.ofDays(1))));
    assertEquals(Optional.of(anne), user(made.secret(), Optional.empty()));
    clock.now = clock.now.plus(Duration.ofDays(1));
    assertEquals(Optional.empty(), tokens.authenticate(made.secret(), Optional.empty()));
  }

  @Test
  void aDisabledAccountsTokensStopWorking() {
    NewToken made = tokens.create(anne.id(), Optional.empty());
    store.inTransaction(
        tx -> {
          tx.users().updateAccount(tx.users().account(anne.id()).orElseThrow().withDisabled());
          return null;
        });
    assertEquals(Optional.empty(), tokens.authenticate(made.secret(), Optional.empty()));
  }

  @Test
  void tokensAreMadeOnlyForUsersAndExpireInTheFuture() {
    assertThrows(
        NotFoundException.class, () -> tokens.create(new UserId(987_654), Optional.empty()));
    assertThrows(
        InvalidInputException.class, () -> tokens.create(anne.id(), Optional.of(clock.now)));
    assertEquals(List.of(), tokens.list());
  }
}
