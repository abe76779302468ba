package org.fabrique.web;

import static org.fabrique.web.TestApp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.coding.CodeChange;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The JSON API, route family by route family. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
  private final ObjectMapper json = Json.mapper();
  private TestApp web;

  @BeforeAll
  void start() {
    web = new TestApp();
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private JsonNode call(String method, String path, String body, int expected) {
    HttpResponse<String> response = web.json(method, path, body);
    assertEquals(expected, response.statusCode(), response.body());
    try {
      return response.body().isEmpty() ? null : json.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private long newInquiry(String name) {
    return call("POST", "/api/inquiries", "{\"name\":\"" + name + "\",\"description\":\"d\"}", 201)
        .get("id")
        .asLong();
  }

  @Test
  void inquiriesAreCreatedListedReadAndRenamedAndTheRenamingCanBeUndone() {
    JsonNode created =
        call("POST", "/api/inquiries", "{\"name\":\"Reuse\",\"description\":\"EDS\"}", 201);
    long id = created.get("id").asLong();
    assertTrue(created.get("id").isNumber(), "ids are numbers");
    assertTrue(created.get("createdAt").asText().endsWith("Z"), "instants are ISO strings");
    JsonNode renamed =
        call("PUT", "/api/inquiries/" + id, "{\"name\":\"Reuse 2\",\"description\":\"\"}", 200);
    assertEquals("Reuse 2", renamed.get("name").asText());
    assertEquals("Reuse 2", call("GET", "/api/inquiries/" + id, null, 200).get("name").asText());
    JsonNode line = call("GET", "/api/inquiries/" + id + "/history?limit=1", null, 200).get(0);
    assertEquals("inquiry.update", line.get("type").asText());
    assertEquals("Renamed the inquiry “Reuse” → “Reuse 2”", line.get("text").asText());
    call("POST", "/api/inquiries/" + id + "/undo", null, 200);
    JsonNode restored = call("GET", "/api/inquiries/" + id, null, 200);
    assertEquals("Reuse", restored.get("name").asText());
    assertEquals("EDS", restored.get("description").asText());
    assertEquals(created.get("createdAt"), restored.get("createdAt"));
    boolean listed = false;
    for (JsonNode node : call("GET", "/api/inquiries", null, 200)) {
      listed |= node.get("id").asLong() == id;
    }
    assertTrue(listed);
  }

  @Test
  void anUndoAfterAnotherUsersChangeLeavesItAndSaysWhyAndAPartialUpdateKeepsTheirMove() {
    long inquiry = newInquiry("Concurrency");
    JsonNode group =
        call("POST", "/api/inquiries/" + inquiry + "/codes", "{\"name\":\"Group\"}", 201);
    JsonNode code =
        call("POST", "/api/inquiries/" + inquiry + "/codes", "{\"name\":\"Trust\"}", 201);
    long codeId = code.get("id").asLong();
    User ben = web.fabrique.users().ensure("ben-api", "Ben");
    web.fabrique
        .coding()
        .moveCode(
            ben.id(), new CodeId(codeId), Optional.of(new CodeId(group.get("id").asLong())), 0);

    JsonNode renamed = call("PUT", "/api/codes/" + codeId, "{\"name\":\"Trust in data\"}", 200);
    assertEquals(group.get("id").asLong(), renamed.get("parentId").asLong());
    web.fabrique
        .coding()
        .changeCode(ben.id(), new CodeId(codeId), CodeChange.none().withName("Trust (Ben)"));

    JsonNode undo = call("POST", "/api/inquiries/" + inquiry + "/undo", null, 200);
    assertTrue(undo.get("done").asBoolean());
    assertFalse(undo.get("complete").asBoolean());
    JsonNode setback = undo.get("setbacks").get(0);
    assertEquals("code:" + codeId, setback.get("item").asText());
    assertEquals("CHANGED_SINCE", setback.get("reason").asText());
    assertEquals(
        "The code " + codeId + " was left as another user made it since.",
        setback.get("text").asText());
    assertEquals(
        "Trust (Ben)", call("GET", "/api/codes/" + codeId, null, 200).get("name").asText());
  }

  @Test
  void casesAndTheirAttributesGoThroughTheApi() {
    long inquiry = newInquiry("Cases");
    JsonNode theCase =
        call(
            "POST",
            "/api/inquiries/" + inquiry + "/cases",
            "{\"name\":\"SNDS\",\"domain\":\"claims\",\"description\":\"\"}",
            201);
    long caseId = theCase.get("id").asLong();
    assertEquals("claims", theCase.get("domain").asText());
    JsonNode attribute =
        call(
            "POST",
            "/api/inquiries/" + inquiry + "/attributes",
            "{\"name\":\"Public\",\"type\":\"boolean\",\"scope\":\"case\",\"description\":\"\"}",
            201);
    long attributeId = attribute.get("id").asLong();
    JsonNode value =
        call(
            "PUT",
            "/api/attributes/" + attributeId + "/values/" + caseId,
            "{\"value\":\"oui\"}",
            200);
    assertEquals("true", value.get("value").asText(), "values are stored canonical");
    JsonNode read = call("GET", "/api/cases/" + caseId, null, 200);
    assertEquals("Public", read.get("attributes").get(0).get("name").asText());
    assertEquals("true", read.get("attributes").get(0).get("value").asText());
    assertEquals(1, call("GET", "/api/attributes/" + attributeId + "/values", null, 200).size());

    call(
        "PUT",
        "/api/cases/" + caseId,
        "{\"name\":\"SNDS 2\",\"domain\":null,\"description\":null}",
        200);
    assertEquals("claims", call("GET", "/api/cases/" + caseId, null, 200).get("domain").asText());
    call("DELETE", "/api/cases/" + caseId, null, 204);
    assertEquals(0, call("GET", "/api/inquiries/" + inquiry + "/cases", null, 200).size());
    call("DELETE", "/api/attributes/" + attributeId, null, 204);
  }

  @Test
  void sourcesAreUploadedDescribedAndDeleted() {
    long inquiry = newInquiry("Sources");
    HttpResponse<String> uploaded =
        web.upload(
            "/api/inquiries/" + inquiry + "/sources",
            Map.of("a.txt", "Alpha text.".getBytes(StandardCharsets.UTF_8)),
            form());
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    long sourceId = read(uploaded).get(0).get("sourceId").asLong();
    JsonNode source = call("GET", "/api/sources/" + sourceId, null, 200);
    assertEquals("a", source.get("title").asText());
    assertEquals("confidential", source.get("confidentiality").asText());
    assertEquals(11, source.get("length").asInt());

    JsonNode updated =
        call(
            "PUT",
            "/api/sources/" + sourceId,
            "{\"title\":\"Alpha\",\"kind\":\"interview\",\"date\":\"2023-01-02\",\"language\":\"en\","
                + "\"caseId\":null,\"confidentiality\":\"internal\"}",
            200);
    assertEquals("2023-01-02", updated.get("date").asText());
    assertEquals("interview", updated.get("kind").asText());
    assertEquals(1, call("GET", "/api/inquiries/" + inquiry + "/sources", null, 200).size());
    call("DELETE", "/api/sources/" + sourceId, null, 204);
    call("GET", "/api/sources/" + sourceId, null, 404);
  }

  @Test
  void theSpeakerPatternOfAnInquiryIsReadSetAndRefusedWithWhere() {
    long inquiry = newInquiry("Transcripts");
    String path = "/api/inquiries/" + inquiry + "/speaker-pattern";
    assertTrue(call("GET", path, null, 200).get("pattern").isNull());
    assertEquals(
        "^(?<speaker>[A-Z]+) \\d+:\\d\\d$",
        call("PUT", path, "{\"pattern\":\"^(?<speaker>[A-Z]+) \\\\d+:\\\\d\\\\d$\"}", 200)
            .get("pattern")
            .asText());
    JsonNode refused = call("PUT", path, "{\"pattern\":\"(?<speaker>[A-Z]+\"}", 400);
    assertEquals(
        "The speaker pattern is malformed at character 1: Unclosed group",
        refused.get("detail").asText());
    assertTrue(call("PUT", path, "{\"pattern\":null}", 200).get("pattern").isNull());
  }

  @Test
  void aRegularExpressionThatGoesTooDeepIsA400ProblemNotA500() {
    long inquiry = newInquiry("Deep");
    HttpResponse<String> uploaded =
        web.upload(
            "/api/inquiries/" + inquiry + "/sources",
            Map.of("long.txt", "privacy ".repeat(200_000).getBytes(StandardCharsets.UTF_8)),
            form());
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    HttpResponse<String> response =
        web.json(
            "GET",
            "/api/inquiries/"
                + inquiry
                + "/search?mode=regex&q="
                + java.net.URLEncoder.encode("(.|\\n)+", StandardCharsets.UTF_8),
            null);
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    assertTrue(response.body().contains("goes too deep"), response.body());
  }

  @Test
  void aBackgroundImportReportsItsProgressAndEachFile() throws InterruptedException {
    long inquiry = newInquiry("Imports");
    HttpResponse<String> accepted =
        web.upload(
            "/api/inquiries/" + inquiry + "/imports",
            Map.of(
                "one.txt", "First.".getBytes(StandardCharsets.UTF_8),
                "two.md", "# Second\n\nText.".getBytes(StandardCharsets.UTF_8),
                "blank.txt", "   \n".getBytes(StandardCharsets.UTF_8)),
            form("confidentiality", "internal"));
    assertEquals(202, accepted.statusCode(), accepted.body());
    String job = read(accepted).get("id").asText();
    JsonNode status = null;
    for (int i = 0; i < 200; i++) {
      status = call("GET", "/api/imports/" + job, null, 200);
      if (status.get("state").asText().equals("done")) {
        break;
      }
      Thread.sleep(50);
    }
    assertEquals("done", status.get("state").asText());
    assertEquals(3, status.get("total").asInt());
    assertEquals(3, status.get("files").size());
    int imported = 0;
    for (JsonNode file : status.get("files")) {
      if (file.get("imported").asBoolean()) {
        imported++;
      } else {
        assertEquals("blank.txt", file.get("fileName").asText());
        assertFalse(file.get("problems").get(0).get("message").asText().isBlank());
      }
    }
    assertEquals(2, imported);
    call("GET", "/api/imports/unknown", null, 404);
  }

  @Test
  void codesCodingsMemosAndHistoryWorkTogether() {
    long inquiry = newInquiry("Coding");
    long source =
        TestSources.importText(
                web,
                web.fabrique.inquiries().get(new org.fabrique.core.inquiry.InquiryId(inquiry)),
                "t.txt",
                "The committee said no to linkage.")
            .id()
            .value();
    JsonNode group =
        call(
            "POST",
            "/api/inquiries/" + inquiry + "/codes",
            "{\"name\":\"Governance\",\"codable\":false}",
            201);
    JsonNode code =
        call(
            "POST",
            "/api/inquiries/" + inquiry + "/codes",
            "{\"name\":\"Refusal\",\"parentId\":" + group.get("id") + ",\"colour\":\"#AA0000\"}",
            201);
    assertEquals("#aa0000", code.get("colour").asText());
    long codeId = code.get("id").asLong();

    JsonNode coding =
        call(
            "POST",
            "/api/sources/" + source + "/codings",
            "{\"start\":4,\"end\":13,\"codeId\":" + codeId + "}",
            201);
    long codingId = coding.get("id").asLong();
    call(
        "POST",
        "/api/sources/" + source + "/codings",
        "{\"start\":4,\"end\":13,\"codeId\":" + group.get("id") + "}",
        409);
    JsonNode segments = call("GET", "/api/codes/" + codeId + "/segments", null, 200);
    assertEquals("committee", segments.get(0).get("quote").asText());
    assertEquals(
        1, call("GET", "/api/sources/" + source + "/codings?from=0&to=5", null, 200).size());

    JsonNode tree = call("GET", "/api/inquiries/" + inquiry + "/codebook", null, 200);
    assertEquals(1, tree.get(0).get("totalCodings").asInt());
    assertEquals("Refusal", tree.get(0).get("children").get(0).get("code").get("name").asText());

    JsonNode memo =
        call(
            "POST",
            "/api/inquiries/" + inquiry + "/memos",
            "{\"targetKind\":\"segment\",\"targetId\":"
                + coding.get("segmentId")
                + ",\"title\":\"Why\",\"body\":\"B\"}",
            201);
    assertEquals("segment", memo.get("targetKind").asText());
    assertEquals(
        1,
        call(
                "GET",
                "/api/inquiries/"
                    + inquiry
                    + "/memos?targetKind=segment&targetId="
                    + coding.get("segmentId"),
                null,
                200)
            .size());
    call("PUT", "/api/memos/" + memo.get("id"), "{\"title\":null,\"body\":\"C\"}", 200);
    assertEquals("C", call("GET", "/api/memos/" + memo.get("id"), null, 200).get("body").asText());

    JsonNode other =
        call("POST", "/api/inquiries/" + inquiry + "/codes", "{\"name\":\"Consent\"}", 201);
    call("PUT", "/api/codings/" + codingId, "{\"codeId\":" + other.get("id") + "}", 204);
    assertEquals(0, call("GET", "/api/codes/" + codeId + "/segments", null, 200).size());

    JsonNode undo = call("POST", "/api/inquiries/" + inquiry + "/undo", null, 200);
    assertTrue(undo.get("done").asBoolean());
    assertEquals(
        "Recoded a passage from “Refusal” to “Consent”", undo.get("line").get("text").asText());
    assertEquals(1, call("GET", "/api/codes/" + codeId + "/segments", null, 200).size());
    assertTrue(
        call("POST", "/api/inquiries/" + inquiry + "/redo", null, 200).get("done").asBoolean());
    JsonNode history = call("GET", "/api/inquiries/" + inquiry + "/history?limit=3", null, 200);
    assertEquals(3, history.size());
    assertEquals("redo", history.get(0).get("kind").asText());
    assertEquals("coding.recode", history.get(0).get("type").asText());

    call(
        "POST",
        "/api/codes/" + other.get("id") + "/move",
        "{\"parentId\":" + group.get("id") + ",\"position\":0}",
        200);
    JsonNode merged =
        call(
            "POST", "/api/codes/" + other.get("id") + "/merge", "{\"intoId\":" + codeId + "}", 200);
    assertEquals(codeId, merged.get("id").asLong());
    call("DELETE", "/api/codings/" + codingId, null, 204);
    call("DELETE", "/api/codes/" + group.get("id"), null, 204);
    assertEquals(0, call("GET", "/api/inquiries/" + inquiry + "/codes", null, 200).size());
  }

  private JsonNode read(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
