package org.fabrique.core.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEvent;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.error.RateLimitedException;
import org.fabrique.core.user.User;

/**
 * Sign-ins against guessing, per account (the login as typed, whether or not such an account
 * exists) and per network address:
 *
 * <ul>
 *   <li><b>slowed</b>: after a failure of an account, its next attempt is refused until a delay has
 *       passed, 1 s after the first failure, doubling with each failure in the window, at most 30
 *       s; an address is slowed likewise once it has failed {@value #ADDRESS_SLOWED_FROM} times in
 *       the window (so that colleagues behind one address do not wait for each other's typos);
 *   <li><b>limited</b>: after {@value #PER_ACCOUNT} failures of an account, or {@value
 *       #PER_ADDRESS} from an address, within {@link #WINDOW}, attempts are refused until the
 *       oldest of those failures leaves the window.
 * </ul>
 *
 * A refusal is a {@link RateLimitedException} with the time to wait (HTTP 429 with Retry-After);
 * the credentials are not even checked. A success forgets the account's failures (not the
 * address's, which one account of one's own would otherwise reset). Nothing sleeps: a refused
 * attempt costs no thread. Every attempt is written in the audit log (successes, failures with the
 * login only when such an account exists, never the password; refusals at most once a minute per
 * login and address). The counts are kept in memory: a restart forgets them.
 */
public final class SignInGuard {
  /** How long failures are remembered. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  /** Failures of one account within the window before its sign-ins are refused. */
  public static final int PER_ACCOUNT = 5;

  /** Failures from one address within the window before its sign-ins are refused. */
  public static final int PER_ADDRESS = 20;

  /** Failures from one address within the window from which its attempts are slowed. */
  public static final int ADDRESS_SLOWED_FROM = 5;

  private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  private static final Duration LONGEST_DELAY = Duration.ofSeconds(30);
  private static final Duration REFUSALS_AUDITED_EVERY = Duration.ofMinutes(1);
  private static final int SWEEP_ABOVE = 10_000;

  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, Deque<Instant>> byAccount = new HashMap<>();
  private final Map<String, Deque<Instant>> byAddress = new HashMap<>();
  private final Map<String, Instant> refusalAudited = new HashMap<>();

  public SignInGuard(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Signs in through {@code check} unless the account or the address must wait.
   *
   * @param login the login given
   * @param address the network address of the request
   * @param check the check of the credentials: the user, or empty when they are not right
   * @return the user, or empty when the credentials are not right
   * @throws RateLimitedException when the account or the address must wait before trying again
   */
  public Optional<User> signIn(String login, String address, Supplier<Optional<User>> check) {
    String account = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    String from = address == null ? "" : address;
    Instant now = clock.instant();
    Optional<Duration> wait = admit(account, from, now);
    if (wait.isPresent()) {
      if (refusalToAudit(account + "\n" + from, now)) {
        audit.record(
            AuditEvent.of(AuditAction.SIGN_IN_LIMITED)
                .login(account)
                .from(address)
                .detail("retry after " + seconds(wait.get()) + " s"));
      }
      throw new RateLimitedException(
          "Too many failed sign-ins; try again in " + seconds(wait.get()) + " s", wait.get());
    }
    Optional<User> user = check.get();
    if (user.isEmpty()) {
      audit.record(AuditEvent.of(AuditAction.SIGN_IN_FAILED).login(account).from(address));
      return Optional.empty();
    }
    succeeded(account, from, now);
    audit.record(AuditEvent.of(AuditAction.SIGN_IN).by(user.get().id()).from(address));
    return user;
  }

  /** The delay before the attempt that follows the n-th failure: 1 s, doubling, at most 30 s. */
  static Duration delayAfter(int failures) {
    long millis = FIRST_DELAY.toMillis() << Math.min(Math.max(failures - 1, 0), 10);
    return Duration.ofMillis(Math.min(millis, LONGEST_DELAY.toMillis()));
  }

  private static long seconds(Duration wait) {
    return RateLimitedException.seconds(wait);
  }

  /**
   * The wait imposed on an attempt, or, when there is none, the attempt counted at once as a
   * failure (taken back if it succeeds): attempts sent together cannot all pass before the first
   * failure is counted.
   */
  private synchronized Optional<Duration> admit(String account, String address, Instant now) {
    Optional<Duration> wait = waitFor(account, address, now);
    if (wait.isEmpty()) {
      failed(account, address, now);
    }
    return wait;
  }

  /** A success: the account's failures are forgotten, the attempt taken back from the address. */
  private synchronized void succeeded(String account, String address, Instant now) {
    byAccount.remove(account);
    Deque<Instant> ofAddress = byAddress.get(address);
    if (ofAddress != null) {
      ofAddress.removeLastOccurrence(now);
    }
  }

  private synchronized Optional<Duration> waitFor(String account, String address, Instant now) {
    Optional<Duration> forAccount = waitFor(byAccount.get(account), PER_ACCOUNT, 1, now);
    Optional<Duration> forAddress =
        waitFor(byAddress.get(address), PER_ADDRESS, ADDRESS_SLOWED_FROM, now);
    if (forAccount.isPresent() && forAddress.isPresent()) {
      return Optional.of(
          forAccount.get().compareTo(forAddress.get()) > 0 ? forAccount.get() : forAddress.get());
    }
    return forAccount.or(() -> forAddress);
  }

  /**
   * How long to wait given the failures of an account or an address: until the oldest counting
   * failure leaves the window once there are {@code limit}; a delay after the last one once there
   * are {@code slowedFrom}.
   */
  private static Optional<Duration> waitFor(
      Deque<Instant> failures, int limit, int slowedFrom, Instant now) {
    if (failures == null) {
      return Optional.empty();
    }
    failures.removeIf(at -> !at.plus(WINDOW).isAfter(now));
    if (failures.size() < slowedFrom) {
      return Optional.empty();
    }
    Instant until;
    if (failures.size() >= limit) {
      // Refused until the oldest failure that counts leaves the window.
      Instant oldest = failures.stream().skip(failures.size() - limit).findFirst().orElseThrow();
      until = oldest.plus(WINDOW);
    } else {
      until = failures.getLast().plus(delayAfter(failures.size() - slowedFrom + 1));
    }
    return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  private synchronized void failed(String account, String address, Instant now) {
    if (byAccount.size() > SWEEP_ABOVE || byAddress.size() > SWEEP_ABOVE) {
      sweep(now);
    }
    byAccount.computeIfAbsent(account, a -> new ArrayDeque<>()).add(now);
    byAddress.computeIfAbsent(address, a -> new ArrayDeque<>()).add(now);
  }

  private synchronized boolean refusalToAudit(String key, Instant now) {
    Instant last = refusalAudited.get(key);
    if (last != null && now.isBefore(last.plus(REFUSALS_AUDITED_EVERY))) {
      return false;
    }
    if (refusalAudited.size() > SWEEP_ABOVE) {
      refusalAudited.clear();
    }
    refusalAudited.put(key, now);
    return true;
  }

  /** Forgets the failures that have left the window, so that many logins tried do not pile up. */
  private void sweep(Instant now) {
    for (Map<String, Deque<Instant>> counts : java.util.List.of(byAccount, byAddress)) {
      counts.values().forEach(d -> d.removeIf(at -> !at.plus(WINDOW).isAfter(now)));
      counts.values().removeIf(Deque::isEmpty);
    }
  }
}
