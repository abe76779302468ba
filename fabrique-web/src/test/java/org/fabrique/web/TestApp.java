package org.fabrique.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fabrique.core.Fabrique;
import org.fabrique.formats.refi.RefiQdaExchange;
import org.fabrique.formats.text.TikaTextExtractor;
import org.fabrique.search.LuceneSearchIndex;
import org.fabrique.search.export.TableMatrixExport;
import org.fabrique.store.JdbcStore;
import org.fabrique.store.user.Argon2PasswordHasher;
import org.fabrique.web.auth.Authentication;

/**
 * The web app built by {@link WebApp#create} on a real SQLite store in a temporary folder, started
 * on a free port, with an HTTP client that does not follow redirects.
 */
final class TestApp implements AutoCloseable {
  final Path dataDir;
  final JdbcStore store;
  final LuceneSearchIndex searchIndex;
  final Fabrique fabrique;
  final Javalin app;
  final HttpClient client = HttpClient.newBuilder().build();
  final String base;

  /** The app in the single-user mode without a token (every request is the local owner). */
  TestApp() {
    this(config -> config);
  }

  /** The app with accounts: tests sign in with {@link #signIn}. */
  static TestApp withAccounts() {
    return new TestApp(config -> config.withAuthentication(Authentication.accounts()));
  }

  /**
   * The app with a configuration changed from the tests' one (accounts, a smaller upload limit…).
   */
  TestApp(UnaryOperator<WebConfig> configure) {
    this(Clock.systemUTC(), configure, 0);
  }

  /**
   * The app on a port chosen beforehand (0: any free one), for a public address known in advance.
   */
  TestApp(UnaryOperator<WebConfig> configure, int port) {
    this(Clock.systemUTC(), configure, port);
  }

  /** The app on a clock of the test's (which may be moved), with its configuration changed. */
  TestApp(Clock clock, UnaryOperator<WebConfig> configure) {
    this(clock, configure, 0);
  }

  /** The app on a clock of the test's, with its configuration changed, on a port (0: any). */
  TestApp(Clock clock, UnaryOperator<WebConfig> configure, int port) {
    try {
      dataDir = Files.createTempDirectory("fabrique-web-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store = JdbcStore.openSqlite(dataDir);
    searchIndex = new LuceneSearchIndex(dataDir.resolve("index"));
    fabrique =
        Fabrique.on(
            store,
            new TikaTextExtractor(),
            clock,
            Fabrique.Adapters.none()
                .withSearch(searchIndex)
                .withMatrixExport(new TableMatrixExport())
                .withQda(RefiQdaExchange.factory())
                .withPasswords(Argon2PasswordHasher.cheapForTests())
                .withKeyTables(org.fabrique.store.backup.EncryptedKeyTables.forTests()));
    app =
        WebApp.create(
            fabrique,
            configure.apply(WebConfig.defaults(dataDir).withZone(ZoneId.of("Europe/Paris"))));
    app.start("127.0.0.1", port);
    base = "http://127.0.0.1:" + app.port();
  }

  /** The password {@link #signIn} gives the accounts it creates. */
  static String passwordOf(String login) {
    return "password of " + login;
  }

  /**
   * Signs in as {@code login}, creating the account when it is missing, and returns the cookie to
   * send ({@code "Cookie", cookie}) with the requests made as this user.
   */
  String signIn(String login) {
    if (fabrique.users().list().stream().noneMatch(u -> u.login().equals(login))) {
      fabrique.users().add(login, login, passwordOf(login));
    }
    HttpResponse<String> response =
        json(
            "POST",
            "/api/session",
            "{\"login\":\"" + login + "\",\"password\":\"" + passwordOf(login) + "\"}");
    if (response.statusCode() != 201) {
      throw new IllegalStateException("Sign-in failed: " + response.statusCode());
    }
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  @Override
  public void close() {
    app.stop();
    searchIndex.close();
    store.close();
    try (Stream<Path> paths = Files.walk(dataDir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return client.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  HttpResponse<String> json(String method, String path, String body, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** A multipart upload of named files (name → content) with extra form fields. */
  HttpResponse<String> upload(
      String path, Map<String, byte[]> files, Map<String, String> fields, String... headers) {
    return uploadAs(path, "files", files, fields, headers);
  }

  /** A multipart upload of files under a field name of one's choice. */
  HttpResponse<String> uploadAs(
      String path,
      String fileField,
      Map<String, byte[]> files,
      Map<String, String> fields,
      String... headers) {
    String boundary = "----fabrique" + UUID.randomUUID();
    List<byte[]> parts = new ArrayList<>();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      parts.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      parts.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + fileField
                  + "\"; filename=\""
                  + file.getKey()
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      parts.add(file.getValue());
      parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path, headers)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
            .build());
  }

  /** A multipart form posted by a browser: one file per field (field → file name and content). */
  /** A multipart form with files and fields, sent with these headers (name, value, …). */
  HttpResponse<String> uploadFields(
      String path,
      Map<String, Map.Entry<String, byte[]>> files,
      Map<String, String> fields,
      String... headers) {
    String boundary = "----fabrique" + UUID.randomUUID();
    List<byte[]> parts = new ArrayList<>();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      parts.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, Map.Entry<String, byte[]>> file : files.entrySet()) {
      parts.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + file.getKey()
                  + "\"; filename=\""
                  + file.getValue().getKey()
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      parts.add(file.getValue().getValue());
      parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path, headers)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
            .build());
  }

  static Map<String, String> form(String... keysAndValues) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      form.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return form;
  }

  static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
