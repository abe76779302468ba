package org.fabrique.bench.concurrency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.error.ConcurrentChangeException;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;

/**
 * A coder's actions through the JSON API, as a user signed in with {@code POST /api/session}: each
 * request carries the session cookie, as a browser's would. Answers are turned back into the
 * exceptions of core (409 conflict, 400 invalid input, 404 not found); any other refusal or a
 * server error is an {@link UnexpectedAnswer}.
 */
final class HttpActions implements Actions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String SESSION_COOKIE = "fabrique_session";

  /** The detail of the conflict the store reports after its retries (decision 0021). */
  private static final String CONCURRENT_CHANGE = "Another change was being saved at the same time";

  private final HttpClient client;
  private final URI base;
  private final long inquiry;
  private final String cookie;

  private HttpActions(HttpClient client, URI base, long inquiry, String cookie) {
    this.client = client;
    this.base = base;
    this.inquiry = inquiry;
    this.cookie = cookie;
  }

  /** A refusal or a failure that no well-formed request of a member should meet. */
  static final class UnexpectedAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnexpectedAnswer(String message) {
      super(message);
    }
  }

  /** Signs {@code login} in at {@code base} and returns its actions on the inquiry. */
  static HttpActions signIn(URI base, long inquiry, String login, String password) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    ObjectNode body = JSON.createObjectNode().put("login", login).put("password", password);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/session"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept-Language", "en")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response = send(client, request);
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "Sign-in of " + login + " answered " + response.statusCode() + ": " + response.body());
    }
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0].strip();
      if (pair.startsWith(SESSION_COOKIE + "=")) {
        return new HttpActions(client, base, inquiry, pair);
      }
    }
    throw new IllegalStateException("Sign-in of " + login + " set no session cookie");
  }

  @Override
  public long code(long source, int start, int end, long code) {
    ObjectNode body =
        JSON.createObjectNode().put("start", start).put("end", end).put("codeId", code);
    return call("POST", "/api/sources/" + source + "/codings", body, 201).get("id").asLong();
  }

  @Override
  public void recode(long coding, long code) {
    call("PUT", "/api/codings/" + coding, JSON.createObjectNode().put("codeId", code), 204);
  }

  @Override
  public void removeCoding(long coding) {
    call("DELETE", "/api/codings/" + coding, null, 204);
  }

  @Override
  public void renameCode(long code, String name) {
    call("PUT", "/api/codes/" + code, JSON.createObjectNode().put("name", name), 200);
  }

  @Override
  public void moveCode(long code, Optional<Long> parent, int position) {
    ObjectNode body = JSON.createObjectNode().put("position", position);
    if (parent.isPresent()) {
      body.put("parentId", parent.get());
    } else {
      body.putNull("parentId");
    }
    call("POST", "/api/codes/" + code + "/move", body, 200);
  }

  @Override
  public long writeMemo(long aboutCode, String body) {
    ObjectNode memo =
        JSON.createObjectNode()
            .put("targetKind", "code")
            .put("targetId", aboutCode)
            .put("title", "")
            .put("body", body);
    return call("POST", "/api/inquiries/" + inquiry + "/memos", memo, 201).get("id").asLong();
  }

  @Override
  public void updateMemo(long memo, String body) {
    call(
        "PUT",
        "/api/memos/" + memo,
        JSON.createObjectNode().put("title", "").put("body", body),
        200);
  }

  @Override
  public long createCode(String name) {
    return call(
            "POST",
            "/api/inquiries/" + inquiry + "/codes",
            JSON.createObjectNode().put("name", name),
            201)
        .get("id")
        .asLong();
  }

  @Override
  public void deleteCode(long code) {
    call("DELETE", "/api/codes/" + code, null, 204);
  }

  @Override
  public Optional<Undone> undo() {
    JsonNode step = call("POST", "/api/inquiries/" + inquiry + "/undo", null, 200);
    boolean setAside = step.path("setAside").asBoolean();
    if (!setAside && step.path("line").isNull()) {
      return Optional.empty();
    }
    List<Long> setbacks = new ArrayList<>();
    for (JsonNode setback : step.path("setbacks")) {
      // items are named "kind:id"
      String item = setback.path("item").asText();
      setbacks.add(Long.parseLong(item.substring(item.indexOf(':') + 1)));
    }
    return Optional.of(new Undone(setAside, setbacks));
  }

  private JsonNode call(String method, String path, ObjectNode body, int expected) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Cookie", cookie)
            .header("Accept", "application/json")
            .header("Accept-Language", "en")
            .method(method, publisher);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = send(client, request.build());
    int status = response.statusCode();
    if (status == expected) {
      return status == 204 || response.body().isEmpty()
          ? JSON.nullNode()
          : read(response.body(), method, path);
    }
    String detail =
        status >= 400 ? read(response.body(), method, path).path("detail").asText() : "";
    switch (status) {
      case 409 -> {
        if (detail.startsWith(CONCURRENT_CHANGE)) {
          throw new ConcurrentChangeException(detail, null);
        }
        throw new ConflictException(detail);
      }
      case 400 -> throw new InvalidInputException(detail);
      case 404 -> throw new NotFoundException(detail);
      default ->
          throw new UnexpectedAnswer(
              method + " " + path.replaceAll("[0-9]+", "N") + " answered " + status + " " + detail);
    }
  }

  private static JsonNode read(String body, String method, String path) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UnexpectedAnswer(method + " " + path + " answered something other than JSON");
    }
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UnexpectedAnswer(request.method() + " failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnexpectedAnswer(request.method() + " interrupted");
    }
  }
}
