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
}
