package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Inquiry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log from the web: downloads and deletions written down, its pages and API. */
class AuditWebTest {
  private TestApp web;

  @BeforeEach
  void start() {
    web = new TestApp();
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void deletionsAreAuditedAndListedWithoutFieldMaterialOnThePagesAndInTheApi() throws Exception {
    Inquiry inquiry = web.fabrique.inquiries().create("Audited", "");
    Source source =
        TestSources.importText(web, inquiry, "entretien-kerbrat.txt", "Mme Kerbrat raconte.");
    assertEquals(204, web.json("DELETE", "/api/sources/" + source.id().value(), null).statusCode());
    assertEquals(
        200,
        web.json("POST", "/api/inquiries/" + inquiry.id().value() + "/undo", null).statusCode());

    HttpResponse<String> listed = web.get("/api/inquiries/" + inquiry.id().value() + "/audit");
    assertEquals(200, listed.statusCode(), listed.body());
    JsonNode entries = Json.mapper().readTree(listed.body());
    assertEquals(1, entries.size(), "undo is not an audit event: " + listed.body());
    JsonNode deletion = entries.get(0);
    assertEquals("deletion", deletion.get("action").asText());
    assertEquals("source.delete", deletion.get("target").asText());
    assertEquals("Deleted source " + source.id(), deletion.get("detail").asText());
    assertEquals("researcher", deletion.get("actor").asText());
    assertEquals(inquiry.id().value(), deletion.get("inquiryId").asLong());
    assertFalse(listed.body().contains("Kerbrat"), listed.body());
    assertFalse(listed.body().toLowerCase(java.util.Locale.ROOT).contains("entretien"));
    assertEquals(1, Json.mapper().readTree(web.get("/api/audit").body()).size());

    HttpResponse<String> english =
        web.get("/inquiries/" + inquiry.id().value() + "/audit", "Accept-Language", "en");
    assertEquals(200, english.statusCode());
    assertTrue(english.body().contains("<h1>Audit log</h1>"), english.body());
    assertTrue(english.body().contains("Deletion"));
    HttpResponse<String> french = web.get("/audit", "Accept-Language", "fr");
    assertEquals(200, french.statusCode());
    assertTrue(french.body().contains("Journal d’audit"), french.body());
    assertTrue(french.body().contains("Suppression"));

    assertEquals(0, Json.mapper().readTree(web.get("/api/audit?since=2999-01-01").body()).size());
    assertEquals(400, web.get("/api/audit?since=yesterday").statusCode());
    assertEquals(400, web.get("/api/audit?limit=0").statusCode());
    assertEquals(404, web.get("/api/inquiries/987654/audit").statusCode());
  }

  @Test
  void memberChangesExportsAndDownloadsAreAuditedWithWhatAndTheProfile() throws Exception {
    Inquiry inquiry = web.fabrique.inquiries().create("Exported", "");
    long id = inquiry.id().value();
    Source source =
        TestSources.importText(web, inquiry, "entretien-kerbrat.txt", "Mme Kerbrat raconte.");
    web.fabrique.users().add("sam", "Sam", TestApp.passwordOf("sam"));
    String members = "/api/inquiries/" + id + "/members/sam";
    assertEquals(200, web.json("PUT", members, "{\"role\":\"coder\"}").statusCode());
    assertEquals(200, web.json("PUT", members, "{\"role\":\"coder\"}").statusCode());
    assertEquals(200, web.json("PUT", members, "{\"role\":\"researcher\"}").statusCode());
    assertEquals(204, web.json("DELETE", members, null).statusCode());

    assertEquals(200, web.get("/api/inquiries/" + id + "/prov?format=json").statusCode());
    HttpResponse<String> matrix =
        web.get("/inquiries/" + id + "/analysis/matrix/export?format=csv&profile=public");
    assertEquals(200, matrix.statusCode(), matrix.body());
    HttpResponse<String> original =
        web.get("/sources/" + source.id().value() + "/original?profile=internal");
    assertEquals(200, original.statusCode());
    assertEquals(
        403, web.get("/sources/" + source.id().value() + "/original?profile=team").statusCode());
    assertEquals(200, web.get("/inquiries/" + id + "/codings/export?format=csv").statusCode());

    HttpResponse<String> listed = web.get("/api/inquiries/" + id + "/audit");
    JsonNode entries = Json.mapper().readTree(listed.body());
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (JsonNode entry : entries) {
      lines.add(
          entry.get("action").asText()
              + " | "
              + entry.get("target").asText()
              + " | "
              + entry.get("profile").asText()
              + " | "
              + entry.get("detail").asText()
              + " | "
              + entry.get("actor").asText());
    }
    assertEquals(
        java.util.List.of(
            "export | codings csv | team | web | researcher",
            "download | source " + source.id() + " original | internal | web | researcher",
            "export | matrix csv | public | web | researcher",
            "export | PROV json | team | API | researcher",
            "member-removed | user sam | null | was researcher | researcher",
            "role-changed | user sam | null | coder → researcher | researcher",
            "member-added | user sam | null | coder | researcher"),
        lines,
        listed.body());
    assertTrue(entries.get(1).get("address").asText().equals("127.0.0.1"));
    assertFalse(listed.body().contains("Kerbrat"), listed.body());
  }
}
