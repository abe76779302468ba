package org.fabrique.web;

import static org.fabrique.web.TestApp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.User;
import org.fabrique.web.auth.Authentication;
import org.junit.jupiter.api.Test;

/**
 * Signing in with a password, sessions, the access token of the single-user mode, the Host check.
 */
class SignInTest {

  @Test
  void withAccountsNothingIsServedBeforeSigningIn() {
    try (TestApp web = TestApp.withAccounts()) {
      HttpResponse<String> page = web.get("/?x=1");
      assertEquals(303, page.statusCode());
      assertEquals(
          "/sign-in?back=%2F%3Fx%3D1", page.headers().firstValue("Location").orElseThrow());
      HttpResponse<String> api = web.get("/api/inquiries");
      assertEquals(401, api.statusCode());
      assertTrue(api.body().contains("urn:fabrique:problem:unauthenticated"), api.body());
      assertEquals(200, web.get("/sign-in").statusCode());
      assertEquals(200, web.get("/static/fabrique.css").statusCode());
    }
  }

  @Test
  void theSignInFormOpensASessionWhoseUserMakesTheChanges() {
    try (TestApp web = TestApp.withAccounts()) {
      User camille = web.fabrique.users().add("camille", "Camille", TestApp.passwordOf("camille"));
      HttpResponse<String> signedIn =
          web.postForm(
              "/sign-in",
              form("login", "camille", "password", TestApp.passwordOf("camille"), "back", "/"));
      assertEquals(303, signedIn.statusCode());
      String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
      assertTrue(setCookie.startsWith("fabrique_session="), setCookie);
      assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);
      assertFalse(setCookie.contains("Secure"), "plain http on loopback: " + setCookie);
      String cookie = setCookie.substring(0, setCookie.indexOf(';'));

      HttpResponse<String> home = web.get("/", "Cookie", cookie);
      assertEquals(200, home.statusCode());
      assertTrue(home.body().contains("Camille"));
      assertTrue(home.body().contains("action=\"/sign-out\""));

      Inquiry inquiry = web.fabrique.inquiries().create("Coders", "");
      web.fabrique.members().put(inquiry.id(), camille.id(), Role.RESEARCHER);
      web.postForm(
          "/inquiries/" + inquiry.id() + "/cases",
          form("name", "A", "domain", "other"),
          "Cookie",
          cookie);
      assertEquals(camille.id(), web.fabrique.history().recent(inquiry.id(), 1).get(0).userId());

      HttpResponse<String> out = web.postForm("/sign-out", form(), "Cookie", cookie);
      assertEquals(303, out.statusCode());
      assertEquals(303, web.get("/", "Cookie", cookie).statusCode(), "the session has ended");
    }
  }

  @Test
  void aWrongPasswordAnUnknownLoginAndADisabledAccountFailAlike() {
    try (TestApp web = TestApp.withAccounts()) {
      String cookie = web.signIn("dominique");
      HttpResponse<String> wrong =
          web.json(
              "POST", "/api/session", "{\"login\":\"dominique\",\"password\":\"nope nope nope\"}");
      HttpResponse<String> unknown =
          web.json(
              "POST", "/api/session", "{\"login\":\"nobody\",\"password\":\"nope nope nope\"}");
      assertEquals(401, wrong.statusCode());
      assertEquals(401, unknown.statusCode());
      assertTrue(wrong.body().contains("The login or the password is not right"));
      assertEquals(wrong.body(), unknown.body());
      assertFalse(wrong.body().contains("nope"));

      HttpResponse<String> form =
          web.postForm("/sign-in", form("login", "dominique", "password", "nope nope nope"));
      assertEquals(401, form.statusCode());
      assertTrue(form.body().contains("The login or the password is not right"));

      web.fabrique.users().disable("dominique");
      assertEquals(401, web.get("/api/me", "Cookie", cookie).statusCode());
      String body =
          "{\"login\":\"dominique\",\"password\":\"" + TestApp.passwordOf("dominique") + "\"}";
      assertEquals(401, web.json("POST", "/api/session", body).statusCode());
    }
  }

  @Test
  void theApiSignsInAndOutAndSessionsOutliveARestart() {
    try (TestApp web = TestApp.withAccounts()) {
      String cookie = web.signIn("sam");
      HttpResponse<String> me = web.get("/api/me", "Cookie", cookie);
      assertEquals(200, me.statusCode());
      assertTrue(me.body().contains("\"login\":\"sam\""));
      HttpResponse<String> session = web.get("/api/session", "Cookie", cookie);
      assertTrue(session.body().contains("\"admin\":false"), session.body());

      Javalin restarted =
          WebApp.create(
              web.fabrique,
              WebConfig.defaults(web.dataDir).withAuthentication(Authentication.accounts()));
      restarted.start("127.0.0.1", 0);
      try {
        HttpResponse<String> again =
            web.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + restarted.port() + "/api/me"))
                    .header("Cookie", cookie)
                    .GET()
                    .build());
        assertEquals(200, again.statusCode());
      } finally {
        restarted.stop();
      }

      assertEquals(204, web.json("DELETE", "/api/session", null, "Cookie", cookie).statusCode());
      assertEquals(401, web.get("/api/me", "Cookie", cookie).statusCode());
    }
  }

  @Test
  void cookiesAreSecureWhenATrustedProxySaysTheConnectionIs() {
    try (TestApp web =
        new TestApp(
            config ->
                config
                    .withAuthentication(Authentication.accounts())
                    .withTrustedProxies(Set.of("127.0.0.1")))) {
      web.fabrique.users().add("lou", "Lou", TestApp.passwordOf("lou"));
      String body = "{\"login\":\"lou\",\"password\":\"" + TestApp.passwordOf("lou") + "\"}";
      HttpResponse<String> response =
          web.json("POST", "/api/session", body, "X-Forwarded-Proto", "https");
      assertEquals(201, response.statusCode());
      assertTrue(response.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"));
    }
  }

  @Test
  void theAccessTokenIsRequiredAndACookieKeepsTheBrowserIn() {
    try (TestApp web =
        new TestApp(config -> config.withAuthentication(Authentication.token("s3cret-token")))) {
      assertEquals(401, web.get("/").statusCode());
      assertEquals(401, web.get("/api/inquiries").statusCode());
      assertEquals(401, web.get("/?token=wrong").statusCode());
      HttpResponse<String> withToken = web.get("/?token=s3cret-token");
      assertEquals(200, withToken.statusCode());
      String setCookie = withToken.headers().firstValue("Set-Cookie").orElseThrow();
      assertTrue(setCookie.startsWith("fabrique_access=s3cret-token;"), setCookie);
      assertEquals(200, web.get("/", "Cookie", "fabrique_access=s3cret-token").statusCode());
      assertEquals(
          200, web.get("/api/inquiries", "Authorization", "Bearer s3cret-token").statusCode());
      assertEquals(401, web.get("/api/inquiries", "Authorization", "Bearer other").statusCode());
    }
  }

  @Test
  void aRequestForAnotherHostIsMisdirected() {
    try (TestApp web = new TestApp()) {
      assertEquals(421, rawStatus(web, "evil.example"));
      assertEquals(421, rawStatus(web, "evil.example:" + web.app.port()));
      assertEquals(200, rawStatus(web, "localhost:" + web.app.port()));
      assertEquals(200, rawStatus(web, "127.0.0.1:" + web.app.port()));
    }
    try (TestApp web =
        new TestApp(config -> config.withPublicUrl(URI.create("https://fabrique.example.org/")))) {
      assertEquals(200, rawStatus(web, "fabrique.example.org"));
      assertEquals(421, rawStatus(web, "other.example.org"));
    }
  }

  @Test
  void behindATrustedProxyTheUserIsTheOneItsHeaderNames() {
    try (TestApp web =
        new TestApp(
            config ->
                config.withAuthentication(
                    Authentication.proxy("X-Remote-User", Set.of("127.0.0.1"))))) {
      HttpResponse<String> me = web.get("/api/me", "X-Remote-User", "ana@univ.example");
      assertEquals(200, me.statusCode());
      assertTrue(me.body().contains("\"login\":\"ana@univ.example\""), me.body());
      assertEquals(401, web.get("/api/me").statusCode());
      web.fabrique.users().disable("ana@univ.example");
      assertEquals(401, web.get("/api/me", "X-Remote-User", "ana@univ.example").statusCode());
    }
    try (TestApp web =
        new TestApp(
            config ->
                config.withAuthentication(
                    Authentication.proxy("X-Remote-User", Set.of("10.9.9.9"))))) {
      assertEquals(
          401,
          web.get("/api/me", "X-Remote-User", "ana").statusCode(),
          "the header counts only from the trusted proxy");
    }
  }

  /** The status of a GET / sent with this Host header (which HttpClient does not let one set). */
  private static int rawStatus(TestApp web, String host) {
    try (Socket socket = new Socket("127.0.0.1", web.app.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(response.substring(9, 12));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
