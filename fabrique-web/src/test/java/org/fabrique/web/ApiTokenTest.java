package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEntry;
import org.fabrique.core.audit.AuditQuery;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.User;
import org.fabrique.web.auth.Authentication;
import org.fabrique.web.auth.BearerTokens;
import org.junit.jupiter.api.Test;

/**
 * Personal API tokens on the API: {@code Authorization: Bearer} acts as the token's user with that
 * user's roles (the OpenLineage endpoint included); a token that no longer works is a 401 problem.
 */
class ApiTokenTest {
  private static final String EVENT =
      "{\"eventTime\":\"2025-01-01T00:00:00Z\",\"producer\":\"https://example.org/etl\","
          + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
          + "\"eventType\":\"COMPLETE\","
          + "\"run\":{\"runId\":\"3f5e83fa-3480-44ff-99c5-ff943904e5e8\"},"
          + "\"job\":{\"namespace\":\"orchard\",\"name\":\"press\"}}";

  private final TestClock clock = new TestClock(Instant.parse("2026-12-04T09:00:00Z"));

  private TestApp accounts() {
    return new TestApp(clock, config -> config.withAuthentication(Authentication.accounts()));
  }

  private static HttpResponse<String> lineage(TestApp web, Inquiry inquiry, String token) {
    return web.send(
        web.request("/api/v1/lineage?inquiry=" + inquiry.id())
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(EVENT))
            .build());
  }

  private static List<AuditEntry> used(TestApp web) {
    return web.fabrique.audit().list(AuditQuery.recent(100)).stream()
        .filter(e -> e.action() == AuditAction.TOKEN_USED)
        .toList();
  }

  @Test
  void aTokenActsAsItsUserWithTheirRolesOnTheApiAndTheLineageEndpoint() {
    try (TestApp web = accounts()) {
      User ines = web.fabrique.users().add("ines", "Ines", TestApp.passwordOf("ines"));
      User victor = web.fabrique.users().add("victor", "Victor", TestApp.passwordOf("victor"));
      Inquiry orchard = web.fabrique.inquiries().create("Orchard", "");
      web.fabrique.inquiries().create("Elsewhere", "");
      web.fabrique.members().put(orchard.id(), ines.id(), Role.RESEARCHER);
      web.fabrique.members().put(orchard.id(), victor.id(), Role.VIEWER);
      String researcher = web.fabrique.tokens().create(ines.id(), Optional.empty()).secret();
      String viewer = web.fabrique.tokens().create(victor.id(), Optional.empty()).secret();

      HttpResponse<String> list =
          web.get("/api/inquiries", "Authorization", "Bearer " + researcher);
      assertEquals(200, list.statusCode(), list.body());
      assertTrue(list.body().contains("Orchard") && !list.body().contains("Elsewhere"));
      HttpResponse<String> me = web.get("/api/session", "Authorization", "Bearer " + researcher);
      assertTrue(me.body().contains("\"login\":\"ines\""), me.body());

      HttpResponse<String> posted = lineage(web, orchard, researcher);
      assertEquals(201, posted.statusCode(), posted.body());
      assertEquals(ines.id(), web.fabrique.history().recent(orchard.id(), 1).get(0).userId());
      HttpResponse<String> refused = lineage(web, orchard, viewer);
      assertEquals(403, refused.statusCode(), refused.body());

      // Pages take a session, not a token.
      HttpResponse<String> page = web.get("/", "Authorization", "Bearer " + researcher);
      assertEquals(303, page.statusCode());

      // Uses are written down once a minute per token, with the address.
      assertEquals(2, used(web).size(), "one entry per token in the first minute");
      clock.advance(Duration.ofMinutes(1));
      web.get("/api/inquiries", "Authorization", "Bearer " + researcher);
      List<AuditEntry> uses = used(web);
      assertEquals(3, uses.size());
      assertEquals(Optional.of("ines"), uses.get(0).actor());
      assertEquals(Optional.of("127.0.0.1"), uses.get(0).address());
      assertFalse(uses.get(0).toString().contains(researcher));
    }
  }

  @Test
  void anExpiredARevokedAnUnknownTokenAndADisabledAccountsAre401Problems() {
    try (TestApp web = accounts()) {
      User ines = web.fabrique.users().add("ines", "Ines", TestApp.passwordOf("ines"));
      String expiring =
          web.fabrique
              .tokens()
              .create(ines.id(), Optional.of(clock.instant().plus(Duration.ofDays(1))))
              .secret();
      String revoked = web.fabrique.tokens().create(ines.id(), Optional.empty()).secret();
      assertEquals(200, web.get("/api/me", "Authorization", "Bearer " + expiring).statusCode());
      assertEquals(200, web.get("/api/me", "Authorization", "Bearer " + revoked).statusCode());

      clock.advance(Duration.ofDays(1));
      web.fabrique.tokens().revoke(ines.id(), web.fabrique.tokens().list().get(1).id());
      for (String token : List.of(expiring, revoked, "fab_" + "A".repeat(43))) {
        HttpResponse<String> refused = web.get("/api/me", "Authorization", "Bearer " + token);
        assertEquals(401, refused.statusCode(), token);
        assertTrue(
            refused.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        assertTrue(refused.body().contains("urn:fabrique:problem:unauthenticated"));
        assertTrue(refused.body().contains(BearerTokens.REFUSED), refused.body());
      }

      String working = web.fabrique.tokens().create(ines.id(), Optional.empty()).secret();
      assertEquals(200, web.get("/api/me", "Authorization", "Bearer " + working).statusCode());
      web.fabrique.users().disable("ines");
      assertEquals(401, web.get("/api/me", "Authorization", "Bearer " + working).statusCode());
    }
  }

  @Test
  void inTheSingleUserModeTheAccessTokenStillOpensTheApi() {
    try (TestApp web =
        new TestApp(clock, config -> config.withAuthentication(Authentication.token("s3cret")))) {
      assertEquals(200, web.get("/api/inquiries", "Authorization", "Bearer s3cret").statusCode());
      String personal =
          web.fabrique
              .tokens()
              .create(web.fabrique.users().defaultUser().id(), Optional.empty())
              .secret();
      assertEquals(
          200, web.get("/api/inquiries", "Authorization", "Bearer " + personal).statusCode());
      assertEquals(
          401, web.get("/api/inquiries", "Authorization", "Bearer fab_unknown").statusCode());
    }
  }
}
