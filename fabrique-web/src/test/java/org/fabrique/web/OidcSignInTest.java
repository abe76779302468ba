package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEntry;
import org.fabrique.core.audit.AuditQuery;
import org.fabrique.core.user.Account;
import org.fabrique.web.auth.Authentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in with OpenID Connect against a real provider started here (mock-oauth2-server: discovery,
 * authorization endpoint with its login form, token endpoint, signed ID tokens and published keys).
 * A browser is played with java.net.http: redirects are followed by hand, the provider's login form
 * is posted with the subject chosen by the test, cookies are kept as a browser keeps them.
 */
class OidcSignInTest {
  private static final String CLIENT_ID = "fabrique-test";
  private static final String ISSUER_ID = "univ";
  private static final String SECRET = "a client secret 7f3a";

  private MockOAuth2Server idp;
  private TestApp web;
  private URI publicUrl;

  @BeforeEach
  void start() {
    idp = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
    idp.start(InetAddress.getLoopbackAddress(), 0);
    web = webWithIssuer(URI.create(idp.issuerUrl(ISSUER_ID).toString()));
  }

  @AfterEach
  void stop() {
    web.close();
    idp.shutdown();
  }

  private TestApp webWithIssuer(URI issuer) {
    int port = freePort();
    publicUrl = URI.create("http://127.0.0.1:" + port + "/");
    return new TestApp(
        config ->
            config
                .withPublicUrl(publicUrl)
                .withAuthentication(
                    Authentication.oidc(
                        issuer,
                        CLIENT_ID,
                        Optional.of(SECRET),
                        publicUrl.resolve("/sign-in/oidc/callback"))),
        port);
  }

  @Test
  void theFirstSignInMakesTheAccountAndTheNextOnesFindItBySubject() {
    Browser browser = new Browser();
    HttpResponse<String> done =
        browser.signIn(
            "248289761001",
            "{\"preferred_username\": \"Camille.Durand\", \"name\": \"Camille D.\"}",
            "/inquiries");
    assertEquals(303, done.statusCode(), done.body());
    assertEquals("/inquiries", done.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> session =
        browser.get(web.base + "/api/session", "Accept", "application/json");
    assertEquals(200, session.statusCode(), session.body());
    assertTrue(session.body().contains("\"login\":\"camille.durand\""), session.body());
    assertTrue(session.body().contains("\"displayName\":\"Camille D.\""), session.body());
    long id = web.fabrique.users().byLogin("camille.durand").id().value();
    assertTrue(session.body().contains("\"id\":" + id), session.body());
    // The session is the one of a password sign-in: HttpOnly, SameSite=Lax, kept in the database.
    String cookie =
        done.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("fabrique_session="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);

    // Another browser, the same person, other claims: the same account.
    Browser again = new Browser();
    assertEquals(
        303,
        again.signIn("248289761001", "{\"preferred_username\": \"cdurand\"}", "/").statusCode());
    HttpResponse<String> second =
        again.get(web.base + "/api/session", "Accept", "application/json");
    assertTrue(second.body().contains("\"id\":" + id), second.body());
    assertEquals(1, web.fabrique.users().list().size());

    // Someone else whose claims ask for the same login gets another one.
    Browser other = new Browser();
    other.signIn("99", "{\"preferred_username\": \"camille.durand\"}", "/");
    assertEquals(
        List.of("camille.durand", "camille.durand-2"),
        web.fabrique.users().list().stream().map(u -> u.login()).toList());

    List<AuditEntry> signIns =
        web.fabrique.audit().list(AuditQuery.recent(20)).stream()
            .filter(e -> e.action() == AuditAction.SIGN_IN)
            .toList();
    assertEquals(3, signIns.size());
    assertTrue(signIns.stream().allMatch(e -> e.detail().equals("oidc")), signIns.toString());
    assertEquals(Optional.of("camille.durand"), signIns.get(signIns.size() - 1).actor());
  }

  @Test
  void neitherTheClientSecretNorThePersonsClaimsAreLogged() {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
        new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    root.addAppender(logged);
    // Everything Fabrique and its libraries say, not only the warnings the tests usually show.
    ch.qos.logback.classic.Logger fabriqueLog =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.fabrique");
    ch.qos.logback.classic.Level rootLevel = root.getLevel();
    ch.qos.logback.classic.Level fabriqueLevel = fabriqueLog.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    fabriqueLog.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      new Browser()
          .signIn(
              "u-11",
              "{\"preferred_username\": \"jdupont\", \"name\": \"Jeanne Dupont\","
                  + " \"email\": \"jeanne.dupont@univ.example\"}",
              "/");
      new Browser().signIn("u-12", "{\"aud\": \"another-client\"}", "/");
    } finally {
      root.detachAppender(logged);
      root.setLevel(rootLevel);
      fabriqueLog.setLevel(fabriqueLevel);
    }
    assertEquals(1, web.fabrique.users().list().size());
    // Fabrique's lines and those of the libraries it runs on (the test provider logs its own).
    List<ch.qos.logback.classic.spi.ILoggingEvent> events;
    synchronized (logged) {
      // Appends are synchronized on the appender; threads of the servers may still be logging.
      logged.stop();
      events = List.copyOf(logged.list);
    }
    List<ch.qos.logback.classic.spi.ILoggingEvent> ours =
        events.stream().filter(e -> !e.getLoggerName().startsWith("no.nav")).toList();
    assertTrue(
        ours.stream().anyMatch(e -> e.getLoggerName().startsWith("org.fabrique")),
        "the refused sign-in is logged");
    for (ch.qos.logback.classic.spi.ILoggingEvent event : ours) {
      String line = event.getLoggerName() + " " + event.getFormattedMessage();
      assertFalse(line.contains(SECRET), line);
      assertFalse(line.contains("Dupont") || line.contains("jeanne.dupont"), line);
    }
  }

  @Test
  void anAnswerWhoseStateIsNotThisSignInsIsRefused() {
    Browser browser = new Browser();
    URI callback = browser.throughProvider("u-7", "{}", "/");
    String forged = callback.toString().replaceAll("state=[^&]+", "state=forged");
    HttpResponse<String> refused = browser.get(forged, "Accept-Language", "fr");
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("pas été commencée dans ce navigateur"), refused.body());
    assertFalse(refused.body().contains("Exception"), refused.body());
    assertTrue(hasNoSession(refused));
    // The sign-in is spent: the right answer afterwards is refused too.
    assertEquals(400, browser.get(callback.toString()).statusCode());
    // The answer of a sign-in started in another browser is refused (login CSRF).
    Browser victim = new Browser();
    URI attackers = new Browser().throughProvider("attacker", "{}", "/");
    victim.get(web.base + "/sign-in/oidc");
    HttpResponse<String> csrf = victim.get(attackers.toString(), "Accept", "application/json");
    assertEquals(400, csrf.statusCode());
    assertTrue(
        csrf.headers()
            .firstValue("Content-Type")
            .orElseThrow()
            .startsWith("application/problem+json"));
    assertTrue(csrf.body().contains("urn:fabrique:problem:oidc-state"), csrf.body());
    assertEquals(0, web.fabrique.users().list().size());
    assertTrue(
        web.fabrique.audit().list(AuditQuery.recent(10)).stream()
            .anyMatch(
                e -> e.action() == AuditAction.SIGN_IN_FAILED && e.detail().equals("oidc: state")));
  }

  @Test
  void anIdTokenForAnotherClientIsRefused() {
    // The provider signs an ID token whose audience is another client (claims of its login form).
    HttpResponse<String> refused =
        new Browser().signIn("u-8", "{\"aud\": \"another-client\"}", "/");
    assertEquals(401, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("could not be verified"), refused.body());
    assertTrue(hasNoSession(refused));
    assertEquals(0, web.fabrique.users().list().size());
    assertTrue(
        web.fabrique.audit().list(AuditQuery.recent(10)).stream()
            .anyMatch(
                e -> e.action() == AuditAction.SIGN_IN_FAILED && e.detail().equals("oidc: token")));
  }

  @Test
  void aDisabledAccountIsRefused() {
    assertEquals(
        303, new Browser().signIn("u-10", "{\"email\": \"lou@univ.example\"}", "/").statusCode());
    Account lou = web.fabrique.users().disable("lou@univ.example");
    Browser browser = new Browser();
    HttpResponse<String> refused =
        browser.signIn("u-10", "{\"email\": \"lou@univ.example\"}", "/", "Accept-Language", "fr");
    assertEquals(403, refused.statusCode());
    assertTrue(
        refused.body().contains("Votre compte sur ce serveur est désactivé"), refused.body());
    assertTrue(hasNoSession(refused));
    assertEquals(401, browser.get(web.base + "/api/session").statusCode());
    assertTrue(
        web.fabrique.audit().list(AuditQuery.recent(10)).stream()
            .anyMatch(
                e ->
                    e.action() == AuditAction.SIGN_IN_FAILED
                        && e.actor().equals(Optional.of(lou.user().login()))));
  }

  @Test
  void aDeclinedConsentIsSaidPlainly() {
    Browser browser = new Browser();
    HttpResponse<String> leaving = browser.get(web.base + "/sign-in/oidc?back=/");
    String state =
        query(URI.create(leaving.headers().firstValue("Location").orElseThrow())).get("state");
    HttpResponse<String> declined =
        browser.get(
            web.base
                + "/sign-in/oidc/callback?error=access_denied&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8));
    assertEquals(403, declined.statusCode());
    assertTrue(declined.body().contains("consent was declined"), declined.body());
    assertTrue(hasNoSession(declined));
  }

  @Test
  void aProviderThatDoesNotAnswerGivesAPageNotAStackTrace() {
    web.close();
    web = webWithIssuer(URI.create("http://127.0.0.1:" + freePort() + "/nobody"));
    Browser browser = new Browser();
    HttpResponse<String> page = browser.get(web.base + "/sign-in/oidc", "Accept-Language", "fr");
    assertEquals(502, page.statusCode());
    assertTrue(page.body().contains("ne répond pas pour le moment"), page.body());
    HttpResponse<String> problem =
        browser.get(web.base + "/sign-in/oidc", "Accept", "application/json");
    assertEquals(502, problem.statusCode());
    assertTrue(problem.body().contains("urn:fabrique:problem:oidc-unavailable"), problem.body());
    assertFalse(problem.body().contains("Exception"), problem.body());
  }

  @Test
  void theSignInPageOffersTheInstitutionAndPasswordsAreRefused() {
    Browser browser = new Browser();
    HttpResponse<String> home = browser.get(web.base + "/");
    assertEquals(303, home.statusCode());
    HttpResponse<String> english = browser.get(web.base + "/sign-in?back=/inquiries");
    assertTrue(english.body().contains("Sign in with your institution"), english.body());
    assertTrue(english.body().contains("href=\"/sign-in/oidc?back=%2Finquiries\""), english.body());
    assertFalse(english.body().contains("type=\"password\""));
    HttpResponse<String> french = browser.get(web.base + "/sign-in", "Accept-Language", "fr");
    assertTrue(french.body().contains("Se connecter avec son établissement"), french.body());
    web.fabrique.users().add("ana", "", "a long enough password");
    assertEquals(
        401,
        web.json(
                "POST",
                "/api/session",
                "{\"login\":\"ana\",\"password\":\"a long enough password\"}")
            .statusCode());
  }

  private static boolean hasNoSession(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .noneMatch(c -> c.startsWith("fabrique_session=") && !c.startsWith("fabrique_session=;"));
  }

  private static Map<String, String> query(URI uri) {
    return Arrays.stream(uri.getRawQuery().split("&"))
        .map(p -> p.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> p[0],
                p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A browser: its own cookies, redirects followed by the test. */
  private final class Browser {
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String url, String... headers) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
      if (headers.length > 0) {
        request.headers(headers);
      }
      return send(request.build());
    }

    HttpResponse<String> postForm(String url, Map<String, String> form) {
      String body =
          form.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /**
     * Starts a sign-in at Fabrique, follows it to the provider, posts its login form as {@code
     * subject} with these extra claims, and returns where the provider sends the browser back.
     */
    URI throughProvider(String subject, String claims, String back) {
      HttpResponse<String> leaving =
          get(web.base + "/sign-in/oidc?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
      assertEquals(302, leaving.statusCode(), leaving.body());
      String authorize = leaving.headers().firstValue("Location").orElseThrow();
      Map<String, String> asked = query(URI.create(authorize));
      assertEquals("code", asked.get("response_type"));
      assertEquals("S256", asked.get("code_challenge_method"));
      assertTrue(asked.containsKey("state") && asked.containsKey("nonce"), asked.toString());
      assertEquals(
          publicUrl.resolve("/sign-in/oidc/callback").toString(), asked.get("redirect_uri"));
      HttpResponse<String> form = get(authorize);
      assertEquals(200, form.statusCode());
      assertTrue(form.body().contains("name=\"username\""), form.body());
      HttpResponse<String> back2 =
          postForm(authorize, Map.of("username", subject, "claims", claims));
      assertEquals(302, back2.statusCode(), back2.body());
      URI callback = URI.create(back2.headers().firstValue("Location").orElseThrow());
      assertTrue(
          callback.toString().startsWith(publicUrl + "sign-in/oidc/callback?"),
          callback.toString());
      return callback;
    }

    /** A whole sign-in; the answer of Fabrique's callback. */
    HttpResponse<String> signIn(String subject, String claims, String back, String... headers) {
      return get(throughProvider(subject, claims, back).toString(), headers);
    }
  }
}
