package org.fabrique.core.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEntry;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.audit.AuditQuery;
import org.fabrique.core.error.RateLimitedException;
import org.fabrique.core.testing.MemoryStore;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed sign-ins slowed, limited per account and per address, and written in the audit log. */
class SignInGuardTest {
  @TempDir Path temp;

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

    void advance(Duration duration) {
      now = now.plus(duration);
    }
  }

  private final Hands clock = new Hands();
  private final AtomicInteger checks = new AtomicInteger();
  private MemoryStore store;
  private AuditLog audit;
  private SignInGuard guard;
  private User anne;

  @BeforeEach
  void setUp() {
    store = new MemoryStore(temp.resolve("blobs"));
    anne =
        store.inTransaction(
            tx -> {
              User user = new User(new UserId(tx.newId()), "anne", "Anne");
              tx.users().insert(user);
              return user;
            });
    audit = new AuditLog(store, clock);
    guard = new SignInGuard(audit, clock);
  }

  private Optional<User> wrong(String login, String address) {
    return guard.signIn(
        login,
        address,
        () -> {
          checks.incrementAndGet();
          return Optional.empty();
        });
  }

  private Optional<User> right(String address) {
    return guard.signIn(
        "anne",
        address,
        () -> {
          checks.incrementAndGet();
          return Optional.of(anne);
        });
  }

  private List<AuditEntry> entries() {
    return audit.list(AuditQuery.recent(100));
  }

  private List<AuditAction> actions() {
    return entries().stream().map(AuditEntry::action).toList();
  }

  @Test
  void eachFailureMakesTheNextAttemptWaitLongerWithoutCheckingTheCredentials() {
    assertEquals(Optional.empty(), wrong("anne", "10.0.0.1"));
    RateLimitedException tooSoon =
        assertThrows(RateLimitedException.class, () -> right("10.0.0.1"));
    assertEquals(Duration.ofSeconds(1), tooSoon.retryAfter());
    assertEquals(1, checks.get(), "a refused attempt does not check the password");
    clock.advance(Duration.ofSeconds(1));
    wrong("anne", "10.0.0.1");
    clock.advance(Duration.ofMillis(1500));
    assertEquals(
        Duration.ofMillis(500),
        assertThrows(RateLimitedException.class, () -> wrong("anne", "10.0.0.1")).retryAfter());
    clock.advance(Duration.ofMillis(500));
    assertEquals(Optional.of(anne), right("10.0.0.1"));
    assertEquals(Duration.ofSeconds(30), SignInGuard.delayAfter(30));
    assertEquals(1, RateLimitedException.seconds(Duration.ofMillis(10)));
    assertEquals(2, RateLimitedException.seconds(Duration.ofMillis(1001)));
  }

  @Test
  void attemptsSentTogetherCannotAllPassBeforeTheFirstFailureIsCounted() {
    List<RateLimitedException> refused = new java.util.ArrayList<>();
    Optional<User> first =
        guard.signIn(
            "anne",
            "10.0.0.1",
            () -> {
              // A second attempt arrives while the first one's password is being checked.
              try {
                wrong("anne", "10.0.0.2");
              } catch (RateLimitedException e) {
                refused.add(e);
              }
              return Optional.empty();
            });
    assertEquals(Optional.empty(), first);
    assertEquals(1, refused.size(), "the attempt in flight already counts");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.of(anne), right("10.0.0.1"));
    assertEquals(Optional.of(anne), right("10.0.0.1"), "a success takes its attempt back");
  }

  @Test
  void failuresAreWrittenDownWithoutThePasswordAndUnknownLoginsWithoutTheLogin() {
    wrong(" Anne", "10.0.0.1");
    clock.advance(Duration.ofMinutes(1));
    wrong("my password typed as a login", "10.0.0.1");
    List<AuditEntry> failures = entries();
    assertEquals(
        List.of(AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN_FAILED),
        failures.stream().map(AuditEntry::action).toList());
    assertEquals(Optional.empty(), failures.get(0).actor(), "no account has that login");
    assertFalse(failures.get(0).toString().contains("my password"));
    assertEquals(Optional.of("anne"), failures.get(1).actor());
    assertEquals(Optional.of("10.0.0.1"), failures.get(1).address());
  }

  @Test
  void anAccountThatFailedTooOftenIsRefusedUntilItsFailuresAgeEvenWithTheRightPassword() {
    for (int i = 0; i < SignInGuard.PER_ACCOUNT; i++) {
      wrong(i % 2 == 0 ? "Anne" : "anne ", "10.0.0." + i);
      clock.advance(Duration.ofMinutes(1));
    }
    // The first failure was 5 minutes ago: 10 minutes to go.
    RateLimitedException refused =
        assertThrows(RateLimitedException.class, () -> right("10.0.0.99"));
    assertEquals(Duration.ofMinutes(10), refused.retryAfter());
    assertEquals(AuditAction.SIGN_IN_LIMITED, actions().get(0));
    assertThrows(RateLimitedException.class, () -> right("10.0.0.99"));
    assertEquals(
        1,
        actions().stream().filter(a -> a == AuditAction.SIGN_IN_LIMITED).count(),
        "refusals are written down once a minute");

    clock.advance(Duration.ofMinutes(10));
    assertEquals(Optional.of(anne), right("10.0.0.99"));
    AuditEntry signedIn = entries().get(0);
    assertEquals(AuditAction.SIGN_IN, signedIn.action());
    assertEquals(Optional.of("anne"), signedIn.actor());
    assertEquals(Optional.of("10.0.0.99"), signedIn.address());
  }

  @Test
  void anAddressThatFailedTooOftenIsRefusedWhateverTheAccount() {
    for (int i = 0; i < SignInGuard.PER_ADDRESS; i++) {
      wrong("guess" + i, "192.0.2.7");
      clock.advance(Duration.ofSeconds(31));
    }
    RateLimitedException refused =
        assertThrows(RateLimitedException.class, () -> right("192.0.2.7"));
    assertTrue(
        refused.retryAfter().compareTo(Duration.ofMinutes(4)) > 0, refused.retryAfter()::toString);
    assertEquals(Optional.of(anne), right("192.0.2.8"), "another address may still try");
  }

  @Test
  void aSuccessForgetsTheAccountsFailuresButNotTheAddresss() {
    for (int i = 0; i < SignInGuard.PER_ACCOUNT - 1; i++) {
      wrong("anne", "10.0.0.1");
      clock.advance(Duration.ofSeconds(31));
    }
    assertEquals(Optional.of(anne), right("10.0.0.2"));
    for (int i = 0; i < SignInGuard.PER_ACCOUNT - 1; i++) {
      wrong("anne", "10.0.0.2");
      clock.advance(Duration.ofSeconds(31));
    }
    assertTrue(right("10.0.0.2").isPresent(), "the count started again after the success");

    clock.advance(Duration.ofMinutes(20));
    for (int i = 1; i < SignInGuard.ADDRESS_SLOWED_FROM; i++) {
      assertEquals(Optional.empty(), wrong("someone" + i, "10.0.0.3"), "colleagues not slowed");
    }
    wrong("someone else", "10.0.0.3");
    assertThrows(RateLimitedException.class, () -> wrong("another", "10.0.0.3"));
    clock.advance(Duration.ofSeconds(2));
    wrong("anne", "10.0.0.3");
    // The address's sixth failure: 2 s to wait there; the account's first: 1 s.
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.of(anne), right("10.0.0.4"));
    assertEquals(Optional.empty(), wrong("anne", "10.0.0.5"), "the account starts again");
    assertThrows(
        RateLimitedException.class,
        () -> wrong("bob", "10.0.0.3"),
        "the address that failed still waits");
  }
}
