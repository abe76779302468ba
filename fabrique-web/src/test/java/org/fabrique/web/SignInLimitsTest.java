package org.fabrique.web;

import static org.fabrique.web.TestApp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEntry;
import org.fabrique.core.audit.AuditQuery;
import org.fabrique.core.signin.SignInGuard;
import org.fabrique.web.auth.Authentication;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins slowed and limited per account and per address (429 with Retry-After, in the
 * user's language), and sign-ins and sign-outs in the audit log; on a clock the test moves.
 */
class SignInLimitsTest {
  private static final String WRONG = "not the password at all";

  private final TestClock clock = new TestClock(Instant.parse("2026-12-04T09:00:00Z"));

  private TestApp accounts() {
    return new TestApp(clock, config -> config.withAuthentication(Authentication.accounts()));
  }

  private static String body(String login, String password) {
    return "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}";
  }

  private static HttpResponse<String> signIn(TestApp web, String login, String password) {
    return web.json("POST", "/api/session", body(login, password));
  }

  private static List<AuditEntry> log(TestApp web) {
    return web.fabrique.audit().list(AuditQuery.recent(100));
  }

  @Test
  void aFailureMakesTheNextAttemptWaitAndTooManyAreRefusedWith429UntilTheyAge() {
    try (TestApp web = accounts()) {
      web.fabrique.users().add("dominique", "Dominique", TestApp.passwordOf("dominique"));
      assertEquals(401, signIn(web, "dominique", WRONG).statusCode());

      HttpResponse<String> tooSoon = signIn(web, "dominique", TestApp.passwordOf("dominique"));
      assertEquals(429, tooSoon.statusCode(), tooSoon.body());
      assertEquals(Optional.of("1"), tooSoon.headers().firstValue("Retry-After"));
      assertTrue(tooSoon.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
      assertTrue(tooSoon.body().contains("urn:fabrique:problem:too-many-attempts"));
      assertTrue(tooSoon.body().contains("Try again in 1 s"), tooSoon.body());
      HttpResponse<String> enFrancais =
          web.json(
              "POST",
              "/api/session",
              body("dominique", WRONG),
              "Accept-Language",
              "fr-FR,fr;q=0.9");
      assertEquals(429, enFrancais.statusCode());
      assertTrue(enFrancais.body().contains("Réessayez dans 1 s"), enFrancais.body());

      for (int i = 1; i < SignInGuard.PER_ACCOUNT; i++) {
        clock.advance(Duration.ofSeconds(31));
        assertEquals(401, signIn(web, "dominique", WRONG).statusCode());
      }
      // Five failures in 124 s: the right password waits until the first leaves the window.
      clock.advance(Duration.ofSeconds(31));
      HttpResponse<String> limited = signIn(web, "dominique", TestApp.passwordOf("dominique"));
      assertEquals(429, limited.statusCode());
      assertEquals(
          Optional.of(Long.toString(SignInGuard.WINDOW.toSeconds() - 5 * 31)),
          limited.headers().firstValue("Retry-After"));

      HttpResponse<String> page =
          web.postForm(
              "/sign-in",
              form("login", "dominique", "password", TestApp.passwordOf("dominique")),
              "Accept-Language",
              "fr");
      assertEquals(429, page.statusCode());
      assertTrue(page.headers().firstValue("Retry-After").isPresent());
      assertTrue(page.body().contains("Trop d’échecs de connexion"), page.body());
      assertFalse(page.headers().firstValue("Set-Cookie").isPresent());

      clock.advance(SignInGuard.WINDOW);
      assertEquals(201, signIn(web, "dominique", TestApp.passwordOf("dominique")).statusCode());
      // The success forgot the account's failures: a mistake is a plain 401 again.
      clock.advance(Duration.ofSeconds(31));
      assertEquals(401, signIn(web, "dominique", WRONG).statusCode());
    }
  }

  @Test
  void oneAddressTryingManyAccountsIsLimited() {
    try (TestApp web = accounts()) {
      web.fabrique.users().add("sam", "Sam", TestApp.passwordOf("sam"));
      for (int i = 0; i < SignInGuard.PER_ADDRESS; i++) {
        assertEquals(401, signIn(web, "guess" + i, WRONG).statusCode(), "attempt " + i);
        clock.advance(Duration.ofSeconds(31));
      }
      HttpResponse<String> refused = signIn(web, "sam", TestApp.passwordOf("sam"));
      assertEquals(429, refused.statusCode());
      assertTrue(refused.body().contains("from this address"), refused.body());
    }
  }

  @Test
  void signInsFailuresAndSignOutsAreAuditedWithoutThePassword() {
    try (TestApp web = accounts()) {
      web.fabrique.users().add("lou", "Lou", TestApp.passwordOf("lou"));
      assertEquals(401, signIn(web, "lou", WRONG).statusCode());
      assertEquals(401, web.json("POST", "/api/session", "{}").statusCode());
      clock.advance(Duration.ofSeconds(2));
      String cookie = web.signIn("lou");
      assertEquals(204, web.json("DELETE", "/api/session", null, "Cookie", cookie).statusCode());
      assertEquals(204, web.json("DELETE", "/api/session", null).statusCode());

      List<AuditEntry> log = log(web);
      assertEquals(
          List.of(AuditAction.SIGN_OUT, AuditAction.SIGN_IN, AuditAction.SIGN_IN_FAILED),
          log.stream().map(AuditEntry::action).toList(),
          "an empty request is no attempt; signing out without a session is nothing");
      for (AuditEntry entry : log) {
        assertEquals(Optional.of("lou"), entry.actor());
        assertEquals(Optional.of("127.0.0.1"), entry.address());
        assertFalse(entry.toString().contains(WRONG));
        assertFalse(entry.toString().contains(TestApp.passwordOf("lou")));
      }
    }
  }
}
