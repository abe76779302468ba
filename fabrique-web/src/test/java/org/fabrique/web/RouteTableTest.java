package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.HandlerType;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.Span;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.User;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.AccessCheck;
import org.fabrique.web.auth.Routes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the route table and tries every route as nobody, as a signed-in user who is no member, and
 * as a viewer, a coder, a researcher and an owner of the inquiry the address names: 401 without a
 * session, 403 (the access check's refusal) below the declared role, and past the check at or above
 * it. Each route gets fresh items, so that a deletion tried by one role leaves the next route
 * intact.
 */
class RouteTableTest {
  private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)}");
  private static final List<Role> ROLES = List.of(Role.values());

  private static TestApp web;
  private static final Map<Role, String> cookies = new LinkedHashMap<>();
  private static final Map<Role, User> users = new LinkedHashMap<>();
  private static final Map<Role, String> tokens = new LinkedHashMap<>();
  private static String outsider;
  private static String outsiderToken;

  /** A header that says who makes a request: a session cookie or a bearer token. */
  private record Credential(String header, String value) {
    static Credential cookie(String cookie) {
      return new Credential("Cookie", cookie);
    }

    static Credential bearer(String token) {
      return new Credential("Authorization", "Bearer " + token);
    }
  }

  @BeforeAll
  static void start() {
    web = TestApp.withAccounts();
    for (Role role : ROLES) {
      String login = role.code() + "-user";
      cookies.put(role, web.signIn(login));
      users.put(role, web.fabrique.users().byLogin(login));
    }
    outsider = web.signIn("outsider");
    for (Role role : ROLES) {
      tokens.put(
          role, web.fabrique.tokens().create(users.get(role).id(), Optional.empty()).secret());
    }
    outsiderToken =
        web.fabrique
            .tokens()
            .create(web.fabrique.users().byLogin("outsider").id(), Optional.empty())
            .secret();
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  /** The items of one inquiry, their ids by path parameter; codings and memos are the coder's. */
  private static Map<String, Long> fixture(int n) {
    User owner = users.get(Role.OWNER);
    User coder = users.get(Role.CODER);
    Inquiry inquiry = web.fabrique.inquiries().create("Route " + n, "");
    for (Role role : ROLES) {
      web.fabrique.members().put(inquiry.id(), users.get(role).id(), role);
    }
    Case theCase =
        web.fabrique.inquiries().createCase(inquiry.id(), owner.id(), "Case", Domain.REGISTRY, "");
    Source source = TestSources.importText(web, inquiry, "s" + n + ".txt", "Some words to code.");
    Code code =
        web.fabrique
            .coding()
            .createCode(inquiry.id(), owner.id(), CodingService.NewCode.named("C"));
    CodedSpan coded = web.fabrique.coding().code(coder.id(), source.id(), 0, 4, code.id());
    Memo memo =
        web.fabrique
            .memos()
            .write(
                inquiry.id(),
                coder.id(),
                new ItemRef(ItemKind.INQUIRY, inquiry.id().value()),
                "M",
                "B");
    long attribute =
        web.fabrique
            .attributes()
            .define(inquiry.id(), owner.id(), "A", AttributeType.TEXT, AttributeScope.CASE, "")
            .id()
            .value();
    web.postForm(
        "/cases/" + theCase.id() + "/journey/actors",
        Map.of("pseudonym", "P" + n, "type", "person"),
        "Cookie",
        cookies.get(Role.OWNER));
    web.postForm(
        "/cases/" + theCase.id() + "/journey/data-objects",
        Map.of("label", "Extract " + n, "type", "dataset"),
        "Cookie",
        cookies.get(Role.OWNER));
    web.postForm(
        "/cases/" + theCase.id() + "/journey/choices",
        Map.of(
            "question",
            "Keep the date?",
            "dimension",
            "nature",
            "options",
            "yes\nno",
            "selected",
            "2"),
        "Cookie",
        cookies.get(Role.OWNER));
    Actor actor = web.fabrique.journeys().list(inquiry.id(), Actor.class).get(0);
    DataObject object = web.fabrique.journeys().list(inquiry.id(), DataObject.class).get(0);
    Choice choice = web.fabrique.journeys().list(inquiry.id(), Choice.class).get(0);
    Participation participation =
        web.fabrique.journeys().addParticipation(owner.id(), actor.id(), "", choice.id());
    Evidence evidence =
        web.fabrique
            .journeys()
            .addEvidence(owner.id(), object.id(), source.id(), Optional.of(new Span(0, 4)), "");
    long redaction =
        web.fabrique
            .redactions()
            .mark(
                owner.id(),
                source.id(),
                5,
                10,
                org.fabrique.core.redaction.IdentifierCategory.PERSON)
            .id()
            .value();
    Map<String, Long> ids = new LinkedHashMap<>();
    ids.put("inquiry", inquiry.id().value());
    ids.put("case", theCase.id().value());
    ids.put("source", source.id().value());
    ids.put("code", code.id().value());
    ids.put("coding", coded.codingId().value());
    ids.put("memo", memo.id().value());
    ids.put("attribute", attribute);
    ids.put("element", object.id().value());
    ids.put("participation", participation.id().value());
    ids.put("evidence", evidence.id().value());
    ids.put("redaction", redaction);
    ids.put("owner", theCase.id().value());
    return ids;
  }

  private static String path(String template, Map<String, Long> ids) {
    Matcher matcher = PARAMETER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value =
          switch (name) {
            case "lang" -> "fr";
            case "login" -> "coder-user";
            case "job" -> "0123456789abcdef";
            case "row" -> "1";
            default -> Long.toString(ids.getOrDefault(name, 1L));
          };
      matcher.appendReplacement(out, value);
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static HttpResponse<String> send(
      Routes.Route route, String path, Optional<Credential> credential) {
    HttpRequest.Builder request =
        web.request(path)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json");
    credential.ifPresent(c -> request.header(c.header(), c.value()));
    String method = route.method().name();
    request.method(
        method,
        route.method() == HandlerType.GET
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{}"));
    return web.send(request.build());
  }

  /** 401, or, for a page asked for with GET, a redirection to the sign-in page. */
  private static boolean unauthenticated(HttpResponse<String> response) {
    return response.statusCode() == 401
        || response.statusCode() == 303
            && response.headers().firstValue("Location").orElse("").startsWith("/sign-in?back=");
  }

  private static boolean refusedByRole(HttpResponse<String> response) {
    return response.statusCode() == 403 && response.body().contains(AccessCheck.ROLE_REFUSED);
  }

  private static boolean refusedByCheck(HttpResponse<String> response) {
    return response.statusCode() == 401
        || response.statusCode() == 403
            && (response.body().contains(AccessCheck.ROLE_REFUSED)
                || response.body().contains("Only site admins"));
  }

  /** The lowest role that may use a route on an item that is the coder's own work. */
  private static Optional<Role> required(Access access) {
    if (access instanceof Access.InInquiry inInquiry) {
      return Optional.of(inInquiry.role());
    }
    if (access instanceof Access.OwnWork own) {
      return Optional.of(own.own());
    }
    return Optional.empty();
  }

  @Test
  void everyRouteAnswersEachRoleAsItDeclares() {
    List<Routes.Route> table = WebApp.routeTable(web.app);
    assertTrue(table.size() > 100, "the whole table: " + table.size());
    Map<Role, Credential> signedIn = new LinkedHashMap<>();
    cookies.forEach((role, cookie) -> signedIn.put(role, Credential.cookie(cookie)));
    assertEquals(List.of(), walk(table, signedIn, Credential.cookie(outsider), 0));
  }

  @Test
  void everyApiRouteAnswersEachRolesTokenAsItDeclares() {
    List<Routes.Route> api =
        WebApp.routeTable(web.app).stream().filter(r -> r.path().startsWith("/api/")).toList();
    assertTrue(api.size() > 50, "the API: " + api.size());
    Map<Role, Credential> bearers = new LinkedHashMap<>();
    tokens.forEach((role, token) -> bearers.put(role, Credential.bearer(token)));
    assertEquals(List.of(), walk(api, bearers, Credential.bearer(outsiderToken), 10_000));
  }

  /**
   * Tries each route as nobody, as a signed-in user who is no member and as each role; the refusals
   * that do not match the route's declaration.
   */
  private static List<String> walk(
      List<Routes.Route> table, Map<Role, Credential> as, Credential stranger, int first) {
    List<Credential> everyone = new ArrayList<>(as.values());
    everyone.add(stranger);
    List<String> failures = new ArrayList<>();
    int n = first;
    for (Routes.Route route : table) {
      n++;
      String label = route.method() + " " + route.path() + " (" + route.access() + ")";
      Map<String, Long> ids = fixture(n);
      String path = path(route.path(), ids);
      Access access = route.access();
      if (access instanceof Access.Anyone) {
        // Signing in with wrong credentials is a 401 of the handler, not of the check.
        if (refusedByRole(send(route, path, Optional.empty()))) {
          failures.add(label + ": refused to nobody");
        }
        continue;
      }
      HttpResponse<String> nobody = send(route, path, Optional.empty());
      if (!unauthenticated(nobody)) {
        failures.add(label + ": nobody got " + nobody.statusCode());
      }
      if (access instanceof Access.SignedInUser) {
        if (refusedByCheck(send(route, path, Optional.of(stranger)))) {
          failures.add(label + ": refused to a signed-in user");
        }
        continue;
      }
      if (access instanceof Access.Admin) {
        for (Credential credential : everyone) {
          HttpResponse<String> refused = send(route, path, Optional.of(credential));
          if (refused.statusCode() != 403 || !refused.body().contains("Only site admins")) {
            failures.add(label + ": a user who is no admin got " + refused.statusCode());
          }
        }
        continue;
      }
      Role required = required(access).orElseThrow(() -> new AssertionError(label));
      HttpResponse<String> outsiderResponse = send(route, path, Optional.of(stranger));
      if (!refusedByRole(outsiderResponse)) {
        failures.add(label + ": a non-member got " + outsiderResponse.statusCode());
      }
      for (Role role : ROLES) {
        if (!role.allows(required)) {
          HttpResponse<String> refused = send(route, path, Optional.of(as.get(role)));
          if (!refusedByRole(refused)) {
            failures.add(label + ": " + role.code() + " got " + refused.statusCode());
          }
        }
      }
      // Allowed roles last, lowest first: what they change no longer matters to this route.
      for (Role role : ROLES) {
        if (role.allows(required)) {
          HttpResponse<String> allowed = send(route, path, Optional.of(as.get(role)));
          if (refusedByCheck(allowed)) {
            failures.add(label + ": " + role.code() + " refused (" + allowed.statusCode() + ")");
          }
        }
      }
    }
    return failures;
  }

  @Test
  void aCoderChangesOnlyTheirOwnCodingsAndMemos() {
    Map<String, Long> ids = fixture(1000);
    String researcherMemo =
        Long.toString(
            web.fabrique
                .memos()
                .write(
                    new org.fabrique.core.inquiry.InquiryId(ids.get("inquiry")),
                    users.get(Role.RESEARCHER).id(),
                    new ItemRef(ItemKind.INQUIRY, ids.get("inquiry")),
                    "R",
                    "B")
                .id()
                .value());
    HttpResponse<String> others =
        web.json("DELETE", "/api/memos/" + researcherMemo, null, "Cookie", cookies.get(Role.CODER));
    assertEquals(403, others.statusCode());
    assertTrue(others.body().contains("others' work"), others.body());
    assertEquals(
        204,
        web.json("DELETE", "/api/memos/" + ids.get("memo"), null, "Cookie", cookies.get(Role.CODER))
            .statusCode());
    assertEquals(
        204,
        web.json(
                "DELETE",
                "/api/codings/" + ids.get("coding"),
                null,
                "Cookie",
                cookies.get(Role.RESEARCHER))
            .statusCode());
  }

  @Test
  void confidentialSourcesAreServedToResearchersAndOwnersOnly() {
    Map<String, Long> ids = fixture(2000);
    String source = "/api/sources/" + ids.get("source");
    // Imported material is confidential until a researcher shares it with the whole team.
    assertEquals(403, web.get(source, "Cookie", cookies.get(Role.CODER)).statusCode());
    assertEquals(200, mark(source, "internal").statusCode());
    assertEquals(200, web.get(source, "Cookie", cookies.get(Role.VIEWER)).statusCode());
    assertEquals(200, web.get(source, "Cookie", cookies.get(Role.CODER)).statusCode());
    HttpResponse<String> marked = mark(source, "confidential");
    assertEquals(200, marked.statusCode(), marked.body());
    for (Role role : List.of(Role.VIEWER, Role.CODER)) {
      HttpResponse<String> refused = web.get(source, "Cookie", cookies.get(role));
      assertEquals(403, refused.statusCode(), role.code());
      assertFalse(refused.body().contains("Some words"));
      assertEquals(
          403, web.get("/sources/" + ids.get("source"), "Cookie", cookies.get(role)).statusCode());
    }
    assertEquals(200, web.get(source, "Cookie", cookies.get(Role.RESEARCHER)).statusCode());
    assertEquals(200, web.get(source, "Cookie", cookies.get(Role.OWNER)).statusCode());
  }

  private static HttpResponse<String> mark(String source, String level) {
    return web.json(
        "PUT",
        source,
        "{\"confidentiality\":\"" + level + "\"}",
        "Cookie",
        cookies.get(Role.RESEARCHER));
  }

  @Test
  void anExportTakesTheProfileItsRoleMayUse() {
    Map<String, Long> ids = fixture(4000);
    String matrix = "/inquiries/" + ids.get("inquiry") + "/analysis/matrix/export";
    assertEquals("public", profileOf(matrix, Role.VIEWER), "a viewer's default");
    assertEquals("team", profileOf(matrix, Role.CODER), "a coder's default");
    assertEquals("team", profileOf(matrix, Role.RESEARCHER));
    assertEquals("public", profileOf(matrix + "?profile=public", Role.CODER));
    assertEquals("internal", profileOf(matrix + "?profile=internal", Role.RESEARCHER));
    assertEquals("internal", profileOf(matrix + "?profile=internal", Role.OWNER));
    HttpResponse<String> team =
        web.get(matrix + "?profile=team", "Cookie", cookies.get(Role.VIEWER));
    assertEquals(403, team.statusCode());
    assertTrue(team.body().contains("public profile"), team.body());
    HttpResponse<String> internal =
        web.get(matrix + "?profile=internal", "Cookie", cookies.get(Role.CODER));
    assertEquals(403, internal.statusCode());
    assertTrue(internal.body().contains("internal profile"), internal.body());
  }

  @Test
  void searchResultsFollowTheProfileOfTheRole() {
    Map<String, Long> ids = fixture(4100);
    // The fixture's source is confidential; "words" is redacted in it (a person).
    String search = "/api/inquiries/" + ids.get("inquiry") + "/search?q=words";
    assertEquals("public", profileOf(search, Role.VIEWER));
    assertEquals("team", profileOf(search, Role.CODER));
    assertEquals("team", profileOf(search, Role.RESEARCHER));
    for (Role role : List.of(Role.VIEWER, Role.CODER)) {
      String body = web.get(search, "Cookie", cookies.get(role)).body();
      assertTrue(body.contains("\"hits\":0") && body.contains("\"lines\":[]"), body);
    }
    String team = web.get(search, "Cookie", cookies.get(Role.RESEARCHER)).body();
    assertTrue(team.contains("\"hits\":1"), team);
    assertFalse(team.contains("\"keyword\":\"words\""), team);
    String internal =
        web.get(search + "&profile=internal", "Cookie", cookies.get(Role.OWNER)).body();
    assertTrue(internal.contains("\"keyword\":\"words\""), internal);
    HttpResponse<String> refused =
        web.get(search + "&profile=internal", "Cookie", cookies.get(Role.CODER));
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("internal profile"), refused.body());
    assertEquals(
        403, web.get(search + "&profile=team", "Cookie", cookies.get(Role.VIEWER)).statusCode());
    String page = "/inquiries/" + ids.get("inquiry") + "/search?q=words";
    String shown = web.get(page + "&profile=internal", "Cookie", cookies.get(Role.OWNER)).body();
    assertTrue(shown.contains("<mark") || shown.contains(">words<"), shown);
    String redacted = web.get(page, "Cookie", cookies.get(Role.RESEARCHER)).body();
    assertFalse(redacted.contains(">words<"), redacted);
  }

  @Test
  void aComparisonReportIsServedToMembersUnderTheProfileOfTheirRole() {
    Map<String, Long> ids = fixture(4200);
    org.fabrique.core.inquiry.InquiryId inquiry =
        new org.fabrique.core.inquiry.InquiryId(ids.get("inquiry"));
    DataObject object =
        web.fabrique
            .journeys()
            .create(
                users.get(Role.OWNER).id(),
                DataObject.of(
                    org.fabrique.core.journey.ElementHeader.of(
                            web.fabrique.journeys().newId(),
                            inquiry,
                            new org.fabrique.core.inquiry.CaseId(ids.get("case")),
                            "Registry extract")
                        .withConfidentiality(org.fabrique.core.corpus.Confidentiality.INTERNAL),
                    org.fabrique.core.journey.DataObjectType.DATASET));
    StringBuilder old = new StringBuilder("id,name\n");
    StringBuilder recent = new StringBuilder("id,name\n");
    for (int i = 0; i < 30; i++) {
      old.append(i).append(",Aurelianne").append(i).append('\n');
      recent.append(i).append(",P").append(i * 13).append('\n');
    }
    String digest;
    try {
      java.nio.file.Path folder = java.nio.file.Files.createTempDirectory(web.dataDir, "diff");
      org.fabrique.diff.report.DiffReport report =
          new org.fabrique.diff.DatasetDiff()
              .compare(
                  java.nio.file.Files.writeString(folder.resolve("old.csv"), old),
                  java.nio.file.Files.writeString(folder.resolve("new.csv"), recent),
                  org.fabrique.diff.DiffOptions.withKey(List.of("id")));
      digest =
          web.fabrique
              .comparisons()
              .keep(
                  inquiry,
                  object.id(),
                  org.fabrique.diff.report.JsonReports.toJson(report)
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String html = "/journey/diff-reports/" + digest;
    assertEquals("public", profileOf(html, Role.VIEWER));
    assertEquals("team", profileOf(html + "/json", Role.CODER));
    assertEquals("internal", profileOf(html + "?profile=internal", Role.RESEARCHER));
    for (Role role : List.of(Role.VIEWER, Role.CODER)) {
      String body = web.get(html, "Cookie", cookies.get(role)).body();
      assertFalse(body.contains("Aurelianne"), body);
      assertTrue(body.contains("[withheld]"), body);
    }
    assertTrue(
        web.get(html + "?profile=internal", "Cookie", cookies.get(Role.OWNER))
            .body()
            .contains("Aurelianne"));
    HttpResponse<String> coder =
        web.get(html + "?profile=internal", "Cookie", cookies.get(Role.CODER));
    assertEquals(403, coder.statusCode());
    assertTrue(coder.body().contains("internal profile"), coder.body());
    assertEquals(403, web.get(html, "Cookie", outsider).statusCode());
    assertTrue(
        web
            .fabrique
            .audit()
            .list(org.fabrique.core.audit.AuditQuery.recent(50).in(inquiry))
            .stream()
            .anyMatch(e -> e.target().equals("comparison report")),
        "the download is audited");
  }

  @Test
  void theKeyTableIsShownAndDownloadedEncryptedToOwnersOnlyAndNeverLogged() {
    Map<String, Long> ids = fixture(4300);
    org.fabrique.core.inquiry.InquiryId inquiry =
        new org.fabrique.core.inquiry.InquiryId(ids.get("inquiry"));
    // The fixture marked "words" as a person: accepted, it is in the key table.
    assertFalse(web.fabrique.redactions().keyTable(inquiry).isEmpty());
    String page = "/inquiries/" + inquiry.value() + "/keys";
    String download = page + "/download";
    for (Role role : List.of(Role.VIEWER, Role.CODER, Role.RESEARCHER)) {
      HttpResponse<String> refused = web.get(page, "Cookie", cookies.get(role));
      assertEquals(403, refused.statusCode(), role.code());
      assertEquals(
          403,
          web.postForm(
                  download,
                  Map.of("passphrase", "pass", "again", "pass"),
                  "Cookie",
                  cookies.get(role))
              .statusCode(),
          role.code());
    }
    HttpResponse<String> shown = web.get(page, "Cookie", cookies.get(Role.OWNER));
    assertEquals(200, shown.statusCode());
    assertTrue(shown.body().contains(">words<"), shown.body());
    HttpResponse<String> differ =
        web.postForm(
            download,
            Map.of("passphrase", "pass", "again", "other"),
            "Cookie",
            cookies.get(Role.OWNER),
            "Accept-Language",
            "fr");
    assertEquals(400, differ.statusCode());
    assertTrue(differ.body().contains("Les deux phrases secrètes diffèrent"), differ.body());

    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
        new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    root.addAppender(logged);
    // Everything Fabrique says, at every level, and what the libraries say at the level they run
    // at (a server's wire trace at DEBUG holds whole requests: it is never switched on).
    ch.qos.logback.classic.Logger fabriqueLog =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.fabrique");
    ch.qos.logback.classic.Level level = fabriqueLog.getLevel();
    fabriqueLog.setLevel(ch.qos.logback.classic.Level.DEBUG);
    HttpResponse<byte[]> file;
    try {
      file =
          web.send(
              web.request(download)
                  .header("Cookie", cookies.get(Role.OWNER))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "passphrase=sel+de+mer+7&again=sel+de+mer+7"))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } finally {
      root.detachAppender(logged);
      fabriqueLog.setLevel(level);
    }
    assertEquals(200, file.statusCode());
    String bytes = new String(file.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertFalse(bytes.contains("words"), "the file is encrypted");
    assertEquals(
        "words",
        web.fabrique
            .redactions()
            .readKeyTable(
                new java.io.ByteArrayInputStream(file.body()), "sel de mer 7".toCharArray())
            .get(0)
            .value());
    List<ch.qos.logback.classic.spi.ILoggingEvent> events;
    synchronized (logged) {
      logged.stop();
      events = List.copyOf(logged.list);
    }
    for (ch.qos.logback.classic.spi.ILoggingEvent event : events) {
      String line = event.getFormattedMessage();
      assertFalse(line.contains("sel de mer") || line.contains("sel+de+mer"), line);
      assertFalse(line.contains("\"words\"") || line.contains("=words"), line);
    }
    assertTrue(
        web
            .fabrique
            .audit()
            .list(org.fabrique.core.audit.AuditQuery.recent(50).in(inquiry))
            .stream()
            .anyMatch(e -> e.target().equals("key table, encrypted")),
        "the export of the key table is audited");
  }

  private static String profileOf(String path, Role role) {
    HttpResponse<String> response = web.get(path, "Cookie", cookies.get(role));
    assertEquals(200, response.statusCode(), role.code() + ": " + response.body());
    return response.headers().firstValue("X-Redaction-Profile").orElse("none");
  }

  @Test
  void theHomePageAndTheListShowOnlyTheInquiriesOneIsAMemberOf() {
    fixture(3000);
    HttpResponse<String> list = web.get("/api/inquiries", "Cookie", outsider);
    assertEquals("[]", list.body());
    assertTrue(
        web.get("/api/inquiries", "Cookie", cookies.get(Role.VIEWER))
            .body()
            .contains("Route 3000"));
    HttpResponse<String> created =
        web.json(
            "POST",
            "/api/inquiries",
            "{\"name\":\"Mine\",\"description\":\"\"}",
            "Cookie",
            outsider);
    assertEquals(201, created.statusCode());
    assertTrue(web.get("/api/inquiries", "Cookie", outsider).body().contains("Mine"));
  }
}
