package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Inquiry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Malformed requests, sent to every route of the table the app registered: each gets a 4xx problem
 * (application/problem+json), never a 500, and nothing is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private static final Pattern PARAMETER = Pattern.compile("\\{([a-z]+)}");

  /** Bodies no route accepts: not an object, the wrong types, garbage. */
  private static final List<String> BAD_BODIES =
      List.of(
          "null",
          "",
          "[]",
          "42",
          "\"text\"",
          "{\"name\": <garbage",
          "{\"name\":42,\"start\":0.5,\"end\":\"x\",\"codeId\":true}");

  /**
   * Routes that read no body: an ill-formed body does not make them fail. They are listed here so
   * that a new route reading a body cannot skip the walk by accident.
   */
  private static final Set<String> WITHOUT_BODY =
      Set.of("/api/inquiries/{inquiry}/undo", "/api/inquiries/{inquiry}/redo");

  private TestApp web;
  private final Map<String, String> ids = new LinkedHashMap<>();

  @BeforeAll
  void start() throws Exception {
    web = new TestApp();
    Inquiry inquiry = web.fabrique.inquiries().create("Walked", "");
    Source source = TestSources.importText(web, inquiry, "walk.txt", "Une phrase. Another one.");
    long inquiryId = inquiry.id().value();
    long code = created("POST", "/api/inquiries/" + inquiryId + "/codes", "{\"name\":\"Code\"}");
    long coding =
        created(
            "POST",
            "/api/sources/" + source.id().value() + "/codings",
            "{\"start\":0,\"end\":5,\"codeId\":" + code + "}");
    long theCase =
        created(
            "POST",
            "/api/inquiries/" + inquiryId + "/cases",
            "{\"name\":\"Case\",\"domain\":\"other\",\"description\":\"\"}");
    long memo =
        created(
            "POST",
            "/api/inquiries/" + inquiryId + "/memos",
            "{\"targetKind\":\"inquiry\",\"targetId\":"
                + inquiryId
                + ",\"title\":\"t\",\"body\":\"b\"}");
    long attribute =
        created(
            "POST",
            "/api/inquiries/" + inquiryId + "/attributes",
            "{\"name\":\"Size\",\"type\":\"integer\",\"scope\":\"case\",\"description\":\"\"}");
    web.postForm(
        "/cases/" + theCase + "/journey/data-objects",
        Map.of("label", "Extract", "type", "dataset"));
    long element =
        Json.mapper()
            .readTree(web.get("/api/inquiries/" + inquiryId + "/journey/elements").body())
            .get(0)
            .get("id")
            .asLong();
    ids.put("inquiry", String.valueOf(inquiryId));
    ids.put("source", String.valueOf(source.id().value()));
    ids.put("code", String.valueOf(code));
    ids.put("coding", String.valueOf(coding));
    ids.put("case", String.valueOf(theCase));
    ids.put("memo", String.valueOf(memo));
    ids.put("attribute", String.valueOf(attribute));
    ids.put("owner", String.valueOf(theCase));
    ids.put("element", String.valueOf(element));
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private long created(String method, String path, String body) throws Exception {
    HttpResponse<String> response = web.json(method, path, body);
    assertEquals(201, response.statusCode(), path + " " + response.body());
    return Json.mapper().readTree(response.body()).get("id").asLong();
  }

  private List<Endpoint> routes() {
    List<Endpoint> routes = new ArrayList<>();
    for (ParsedEndpoint parsed : web.app.unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
      if (parsed.getEndpoint().getMethod().isHttpMethod()) {
        routes.add(parsed.getEndpoint());
      }
    }
    assertTrue(routes.size() > 100, "the route table is walked: " + routes.size());
    return routes;
  }

  private String concrete(String path) {
    Matcher matcher = PARAMETER.matcher(path);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, ids.getOrDefault(matcher.group(1), "999999"));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static boolean destructive(Endpoint route) {
    return route.getMethod() == HandlerType.DELETE
        || route.getPath().endsWith("/delete")
        || route.getPath().endsWith("/undo")
        || route.getPath().endsWith("/redo");
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body) {
    return web.send(
        web.request(path)
            .header("Content-Type", contentType)
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  /**
   * A 4xx, or (for routes that may accept it) a success: never a server error. The API's refusals
   * are problems; a page may instead show its form again with the reason.
   */
  private static void refusedOrAccepted(String what, HttpResponse<String> response) {
    int status = response.statusCode();
    assertTrue(status < 500, what + " -> " + status + " " + response.body());
    if (status >= 400 && response.uri().getPath().startsWith("/api/")) {
      assertProblem(what, response);
    }
  }

  private static void assertProblem(String what, HttpResponse<String> response) {
    int status = response.statusCode();
    assertTrue(status >= 400 && status < 500, what + " -> " + status + " " + response.body());
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse("").split(";")[0],
        what + " -> " + status + " " + response.body());
    try {
      JsonNode problem = Json.mapper().readTree(response.body());
      assertEquals(status, problem.get("status").asInt(), what);
      assertTrue(problem.get("type").asText().startsWith("urn:fabrique:problem:"), what);
    } catch (java.io.IOException e) {
      throw new AssertionError(what + ": " + response.body(), e);
    }
  }

  @Test
  void everyApiRouteThatReadsJsonRefusesBodiesItCannotRead() {
    List<String> failures = new ArrayList<>();
    for (Endpoint route : routes()) {
      if (!route.getPath().startsWith("/api/")
          || route.getMethod() == HandlerType.GET
          || destructive(route)
          || WITHOUT_BODY.contains(route.getPath())) {
        continue;
      }
      for (String body : BAD_BODIES) {
        String what = route.getMethod() + " " + route.getPath() + " with " + body;
        HttpResponse<String> response =
            send(route.getMethod().name(), concrete(route.getPath()), "application/json", body);
        try {
          assertProblem(what, response);
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void everyFormRouteRefusesGarbageWithoutAServerError() {
    List<String> failures = new ArrayList<>();
    for (Endpoint route : routes()) {
      if (route.getPath().startsWith("/api/")
          || route.getMethod() == HandlerType.GET
          || destructive(route)) {
        continue;
      }
      for (String body : List.of("", "%%%=%%&&=", "name=%00&label=&type=nonsense&from=-1")) {
        String what = route.getMethod() + " " + route.getPath() + " with " + body;
        try {
          refusedOrAccepted(
              what,
              send(
                  route.getMethod().name(),
                  concrete(route.getPath()),
                  "application/x-www-form-urlencoded",
                  body));
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void everyReadingRouteRefusesMissingOrNegativeOrGarbageParameters() {
    List<String> queries =
        List.of(
            "",
            "?from=-1&to=-5&limit=-1&offset=-1&depth=-2&context=-1&n=-1",
            "?from=x&to=y&limit=z&offset=%00&depth=deep&a=&b=x&code=&inquiry=&format=nope",
            "?q=%00&mode=nope&kind=nope&targetKind=nope&targetId=x&threshold=two");
    List<String> failures = new ArrayList<>();
    for (Endpoint route : routes()) {
      if (route.getMethod() != HandlerType.GET) {
        continue;
      }
      for (String query : queries) {
        String what = "GET " + route.getPath() + query;
        HttpResponse<String> response =
            web.send(
                web.request(concrete(route.getPath()) + query)
                    .header("Accept", "application/json")
                    .GET()
                    .build());
        try {
          refusedOrAccepted(what, response);
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void negativePositionsAndLimitsAreRefused() {
    for (String path :
        List.of(
            "/api/sources/" + ids.get("source") + "/window?from=-1",
            "/api/sources/" + ids.get("source") + "/codings?from=-3",
            "/api/inquiries/" + ids.get("inquiry") + "/history?limit=-1",
            "/api/inquiries/" + ids.get("inquiry") + "/search?q=phrase&limit=-1",
            "/api/inquiries/" + ids.get("inquiry") + "/search?q=phrase&offset=-1")) {
      HttpResponse<String> response = web.get(path);
      assertEquals(400, response.statusCode(), path + " " + response.body());
      assertProblem(path, response);
    }
  }

  @Test
  void missingQueryParametersAreRefused() {
    String inquiry = ids.get("inquiry");
    for (String path :
        List.of(
            "/api/inquiries/" + inquiry + "/analysis/query",
            "/inquiries/" + inquiry + "/analysis/cooccurrence/cell",
            "/inquiries/" + inquiry + "/analysis/matrix/cell?column=x",
            "/api/inquiries/" + inquiry + "/memos?targetKind=code&targetId=")) {
      HttpResponse<String> response = web.get(path, "Accept", "application/json");
      assertEquals(400, response.statusCode(), path + " " + response.body());
      assertProblem(path, response);
    }
  }

  @Test
  void wrongJsonTypesAreRefusedRatherThanConverted() {
    String inquiry = ids.get("inquiry");
    int before = web.fabrique.inquiries().list().size();
    assertProblem("name 42", web.json("POST", "/api/inquiries", "{\"name\":42}"));
    assertProblem("name true", web.json("POST", "/api/inquiries", "{\"name\":true}"));
    assertEquals(before, web.fabrique.inquiries().list().size(), "nothing was created");
    assertProblem(
        "start 0.5",
        web.json(
            "POST",
            "/api/sources/" + ids.get("source") + "/codings",
            "{\"start\":0.5,\"end\":4,\"codeId\":" + ids.get("code") + "}"));
    assertProblem(
        "codeId as text",
        web.json(
            "POST",
            "/api/sources/" + ids.get("source") + "/codings",
            "{\"start\":0,\"end\":4,\"codeId\":\"" + ids.get("code") + "\"}"));
    assertProblem(
        "code name as number",
        web.json("POST", "/api/inquiries/" + inquiry + "/codes", "{\"name\":42}"));
  }

  @Test
  void nulCharactersInNamesAreRefused() {
    String inquiry = ids.get("inquiry");
    for (String[] call :
        List.of(
            new String[] {"POST", "/api/inquiries", "{\"name\":\"a\\u0000b\"}"},
            new String[] {"PUT", "/api/inquiries/" + inquiry, "{\"name\":\"a\\u0000b\"}"},
            new String[] {"POST", "/api/inquiries/" + inquiry + "/codes", "{\"name\":\"\\u0000\"}"},
            new String[] {
              "POST",
              "/api/inquiries/" + inquiry + "/cases",
              "{\"name\":\"x\\u0000\",\"domain\":\"other\",\"description\":\"\"}"
            })) {
      HttpResponse<String> response = web.json(call[0], call[1], call[2]);
      assertEquals(400, response.statusCode(), call[1] + " " + response.body());
      assertProblem(call[1], response);
    }
  }

  @Test
  void unknownMethodsAre405() {
    for (String method : List.of("PATCH", "PROPFIND", "BREW")) {
      HttpResponse<String> response =
          web.send(
              web.request("/api/inquiries")
                  .header("Accept", "application/json")
                  .method(method, HttpRequest.BodyPublishers.noBody())
                  .build());
      assertEquals(405, response.statusCode(), method);
      assertProblem(method, response);
    }
  }

  @Test
  void garbageOrBoundarylessMultipartIsRefused() {
    String inquiry = ids.get("inquiry");
    List<String> failures = new ArrayList<>();
    for (Endpoint route : routes()) {
      if (route.getMethod() != HandlerType.POST || destructive(route)) {
        continue;
      }
      String path = concrete(route.getPath());
      for (String[] request :
          List.of(
              new String[] {"multipart/form-data", "--x\r\ngarbage"},
              new String[] {"multipart/form-data; boundary=zz", "not multipart at all"},
              new String[] {
                "multipart/form-data; boundary=zz",
                "--zz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\ntr"
              })) {
        String what = "POST " + route.getPath() + " " + request[0] + " " + request[1];
        HttpResponse<String> response = send("POST", path, request[0], request[1]);
        try {
          refusedOrAccepted(what, response);
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
    }
    assertEquals(List.of(), failures);
    for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=zz")) {
      HttpResponse<String> response =
          send("POST", "/api/inquiries/" + inquiry + "/sources", contentType, "garbage");
      assertEquals(400, response.statusCode(), contentType + " " + response.body());
      assertProblem(contentType, response);
    }
  }

  @Test
  void uploadsOverTheLimitAre413EvenWhenSentInChunks() throws Exception {
    try (TestApp small = new TestApp(config -> config.withMaxUploadBytes(64 * 1024))) {
      Inquiry inquiry = small.fabrique.inquiries().create("Small", "");
      byte[] big = new byte[200 * 1024];
      java.util.Arrays.fill(big, (byte) 'a');
      String boundary = "zz";
      byte[] head =
          ("--zz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
                  + "Content-Type: text/plain\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8);
      byte[] tail = "\r\n--zz--\r\n".getBytes(StandardCharsets.UTF_8);
      String path = "/api/inquiries/" + inquiry.id().value() + "/sources";
      // Of unknown length, the body is sent in chunks: no Content-Length announces its size.
      HttpResponse<String> chunked =
          small.send(
              small
                  .request(path)
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .header("Accept", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () ->
                              new java.io.SequenceInputStream(
                                  java.util.Collections.enumeration(
                                      List.of(
                                          new java.io.ByteArrayInputStream(head),
                                          new java.io.ByteArrayInputStream(big),
                                          new java.io.ByteArrayInputStream(tail))))))
                  .build());
      assertEquals(413, chunked.statusCode(), chunked.body());
      assertProblem("chunked", chunked);
      HttpResponse<String> announced = small.upload(path, Map.of("big.txt", big), Map.of());
      assertEquals(413, announced.statusCode(), announced.body());
      assertProblem("announced", announced);
      assertEquals(List.of(), small.fabrique.corpus().list(inquiry.id()), "nothing was imported");
      HttpResponse<String> bigJson =
          small.json(
              "POST", "/api/inquiries", "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
      assertEquals(413, bigJson.statusCode());
      assertProblem("big JSON", bigJson);
    }
  }
}
