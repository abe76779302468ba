package org.fabrique.core.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.testing.MemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts, passwords, sessions and their expiry, memberships and roles, on the memory store. */
class AccountsTest {
  /** A clock the test moves forward. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-01-05T09:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
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

  /** A reversible stand-in for Argon2 (core has no hashing library); distinct salts per hash. */
  static final class FakeHasher implements PasswordHasher {
    private int salt;

    @Override
    public String hash(String password) {
      salt++;
      return "fake$" + salt + "$" + new StringBuilder(password).reverse();
    }

    @Override
    public boolean verify(String password, String hash) {
      return hash.startsWith("fake$")
          && hash.substring(hash.indexOf('$', 5) + 1)
              .equals(new StringBuilder(password).reverse().toString());
    }
  }

  @TempDir Path dir;
  private MemoryStore store;
  private TestClock clock;
  private UserService users;
  private SessionService sessions;

  @BeforeEach
  void setUp() {
    store = new MemoryStore(dir);
    clock = new TestClock();
    users = new UserService(store, new FakeHasher());
    sessions =
        new SessionService(
            store, clock, new SessionService.Policy(Duration.ofHours(2), Duration.ofDays(1)));
  }

  @Test
  void anAccountSignsInWithItsPasswordOnly() {
    User ana = users.add("Ana", "Ana R.", "correct horse battery");
    assertEquals("ana", ana.login());
    assertEquals(Optional.of(ana), users.authenticate("ANA ", "correct horse battery"));
    assertEquals(Optional.empty(), users.authenticate("ana", "wrong horse battery"));
    assertEquals(Optional.empty(), users.authenticate("nobody", "correct horse battery"));
    assertFalse(
        store
            .inTransaction(tx -> tx.users().passwordHash(ana.id()))
            .orElseThrow()
            .contains("correct"),
        "the password is not stored in clear");
  }

  @Test
  void anIdentityProvidersUserGetsAnAccountAtTheirFirstSignInAndKeepsIt() {
    String issuer = "https://idp.example.org";
    ExternalIdentity first =
        new ExternalIdentity(
            issuer,
            "f81d4fae",
            Optional.of("Élodie.Martin"),
            Optional.of("elodie@example.org"),
            Optional.of("Élodie Martin"));
    Account made = users.signInWith(first);
    assertEquals("elodie.martin", made.user().login());
    assertEquals("Élodie Martin", made.user().displayName());
    assertFalse(made.admin() || made.disabled());
    // Later sign-ins find the same account by the subject, whatever the other claims now say.
    ExternalIdentity renamed =
        new ExternalIdentity(
            issuer, "f81d4fae", Optional.of("emartin"), Optional.empty(), Optional.empty());
    assertEquals(made, users.signInWith(renamed));
    assertEquals(1, users.list().size());
    // The claims never take over an existing login: someone else named the same gets a suffix.
    users.add("paul", "", "long enough pw");
    Account other =
        users.signInWith(
            new ExternalIdentity(
                issuer, "9b2c", Optional.of("paul"), Optional.empty(), Optional.empty()));
    assertEquals("paul-2", other.user().login());
    assertEquals("paul-2", other.user().displayName());
    assertEquals(Optional.empty(), users.authenticate("paul-2", "long enough pw"));
    // The same subject at another provider is another person.
    Account elsewhere =
        users.signInWith(
            new ExternalIdentity(
                "https://other.example.org",
                "f81d4fae",
                Optional.empty(),
                Optional.of("e.m@other.example.org"),
                Optional.empty()));
    assertEquals("e.m@other.example.org", elsewhere.user().login());
    // Without a usable claim, the login is a neutral one.
    Account bare =
        users.signInWith(
            new ExternalIdentity(
                issuer, "77", Optional.of("!!!"), Optional.empty(), Optional.of("Anne")));
    assertEquals("user", bare.user().login());
    assertEquals("Anne", bare.user().displayName());
    // A disabled account is reported as such (the web refuses it).
    users.disable("elodie.martin");
    assertTrue(users.signInWith(first).disabled());
  }

  @Test
  void passwordsAndLoginsAreChecked() {
    assertThrows(InvalidInputException.class, () -> users.add("ana", "", "short"));
    assertThrows(
        InvalidInputException.class, () -> users.add("Ana Real Name", "", "long enough pw"));
    users.add("ana", "", "long enough pw");
    assertThrows(ConflictException.class, () -> users.add("ana", "", "another long pw"));
    assertThrows(NotFoundException.class, () -> users.disable("nobody"));
  }

  @Test
  void aDisabledAccountNeitherSignsInNorKeepsItsSessions() {
    User ana = users.add("ana", "", "long enough pw");
    SessionService.Opened opened = sessions.open(ana);
    assertEquals(Optional.of(ana), sessions.user(opened.token()));
    users.disable("ana");
    assertEquals(Optional.empty(), sessions.user(opened.token()));
    assertEquals(Optional.empty(), users.authenticate("ana", "long enough pw"));
    users.enable("ana");
    assertEquals(Optional.of(ana), users.authenticate("ana", "long enough pw"));
  }

  @Test
  void aNewPasswordEndsTheSessionsAndReplacesTheOldOne() {
    User ana = users.add("ana", "", "long enough pw");
    SessionService.Opened opened = sessions.open(ana);
    users.setPassword("ana", "a new long password");
    assertEquals(Optional.empty(), sessions.user(opened.token()));
    assertEquals(Optional.empty(), users.authenticate("ana", "long enough pw"));
    assertEquals(Optional.of(ana), users.authenticate("ana", "a new long password"));
  }

  @Test
  void sessionsEndWhenIdleTooLongAndInAnyCaseAfterTheirLifetime() {
    User ana = users.add("ana", "", "long enough pw");
    SessionService.Opened idle = sessions.open(ana);
    clock.advance(Duration.ofHours(2).plusSeconds(1));
    assertEquals(Optional.empty(), sessions.user(idle.token()));

    SessionService.Opened busy = sessions.open(ana);
    for (int i = 0; i < 23; i++) {
      clock.advance(Duration.ofHours(1));
      assertEquals(Optional.of(ana), sessions.user(busy.token()), "hour " + (i + 1));
    }
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertEquals(Optional.empty(), sessions.user(busy.token()), "past the absolute lifetime");
  }

  @Test
  void tokensAreNotStoredAndUnknownOrClosedTokensSignNobodyIn() {
    User ana = users.add("ana", "", "long enough pw");
    SessionService.Opened opened = sessions.open(ana);
    assertFalse(opened.toString().contains(opened.token()));
    assertTrue(
        store.inTransaction(tx -> tx.sessions().find(opened.token())).isEmpty(),
        "sessions are kept by the hash of their token");
    assertEquals(Optional.empty(), sessions.user("not a token"));
    assertEquals(Optional.empty(), sessions.user(null));
    sessions.close(opened.token());
    assertEquals(Optional.empty(), sessions.user(opened.token()));
  }

  @Test
  void membersHaveARolePerInquiryAndAdminsOwnEveryInquiry() {
    MembershipService members = new MembershipService(store);
    InquiryId inquiry =
        new InquiryService(store, new org.fabrique.core.history.History(store, clock), clock)
            .create("Registries", "")
            .id();
    User owner = users.add("owner", "", "long enough pw");
    User coder = users.add("coder", "", "long enough pw");
    User admin = users.add("admin", "", "long enough pw");
    users.makeAdmin("admin");
    members.put(inquiry, owner.id(), Role.OWNER);
    members.put(inquiry, coder.id(), Role.VIEWER);
    members.put(inquiry, coder.id(), Role.CODER);

    assertEquals(Optional.of(Role.CODER), members.roleOf(coder.id(), inquiry));
    assertEquals(Optional.of(Role.OWNER), members.roleOf(admin.id(), inquiry));
    assertEquals(
        List.of(
            new MembershipService.Member(owner, Role.OWNER),
            new MembershipService.Member(coder, Role.CODER)),
        members.members(inquiry));
    assertThrows(ConflictException.class, () -> members.remove(inquiry, owner.id()));
    assertThrows(ConflictException.class, () -> members.put(inquiry, owner.id(), Role.RESEARCHER));
    members.put(inquiry, coder.id(), Role.OWNER);
    members.remove(inquiry, owner.id());
    assertEquals(Optional.empty(), members.roleOf(owner.id(), inquiry));
    users.disable("coder");
    assertEquals(Optional.empty(), members.roleOf(coder.id(), inquiry));
    assertTrue(Role.RESEARCHER.allows(Role.CODER));
    assertFalse(Role.VIEWER.allows(Role.CODER));
  }
}
