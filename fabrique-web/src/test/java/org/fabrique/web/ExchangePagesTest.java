package org.fabrique.web;

import static org.fabrique.web.TestApp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.testing.RefiProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** REFI-QDA exchange from the pages: import a project, export it, import and export codebooks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangePagesTest {
  private TestApp web;

  @BeforeAll
  void start() {
    web = new TestApp();
  }

  @AfterAll
  void stop() {
    web.close();
  }

  /** A project whose coding of an unknown code is not carried. */
  private static byte[] qdpx() {
    return RefiProjects.withWarnings();
  }

  /** Follows a job's page until it has finished. */
  private HttpResponse<String> finished(String location) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      HttpResponse<String> page = web.get(location, "Accept-Language", "en");
      if (page.headers().firstValue("Refresh").isEmpty()) {
        return page;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the job did not finish");
  }

  @Test
  void aProjectIsImportedFromTheHomePageWithItsReport() throws InterruptedException {
    int before = web.fabrique.inquiries().list().size();
    HttpResponse<String> posted =
        web.uploadAs(
            "/exchange/projects",
            "file",
            Map.of("registry.qdpx", qdpx()),
            Map.of("name", "From NVivo"));
    assertEquals(303, posted.statusCode(), posted.body());
    HttpResponse<String> page = finished(posted.headers().firstValue("Location").orElseThrow());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Data-loss report"), page.body());
    assertTrue(
        page.body().contains("c0000000-0000-4000-8000-00000000dead"),
        "the unknown code is reported");
    assertTrue(page.body().contains("From NVivo"));
    assertEquals(before + 1, web.fabrique.inquiries().list().size());
  }

  @Test
  void anInquiryIsExportedAndItsFileDownloaded() throws InterruptedException {
    Inquiry inquiry = web.fabrique.inquiries().create("Export me", "");
    HttpResponse<String> tab =
        web.get("/inquiries/" + inquiry.id() + "/exchange", "Accept-Language", "fr");
    assertEquals(200, tab.statusCode());
    assertTrue(tab.body().contains("Exporter le projet (.qdpx)"));
    HttpResponse<String> posted =
        web.postForm("/inquiries/" + inquiry.id() + "/exchange/project", form());
    assertEquals(303, posted.statusCode(), posted.body());
    String location = posted.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> page = finished(location);
    assertTrue(page.body().contains(location + "/download"), page.body());
    HttpResponse<String> download = web.get(location + "/download");
    assertEquals(200, download.statusCode());
    assertTrue(
        download
            .headers()
            .firstValue("Content-Disposition")
            .orElseThrow()
            .contains("Export me.qdpx"));
  }

  @Test
  void aHostileFileFailsWithItsReasonAndChangesNothing() throws InterruptedException {
    int before = web.fabrique.inquiries().list().size();
    byte[] xxe =
        ("<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&x;\"/>")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> posted =
        web.uploadAs("/exchange/projects", "file", Map.of("evil.qde", xxe), Map.of());
    HttpResponse<String> page = finished(posted.headers().firstValue("Location").orElseThrow());
    assertTrue(page.body().contains("DTD"), page.body());
    assertTrue(page.body().contains("Nothing was changed"));
    // The way back to the form, to try again with another file.
    assertTrue(
        page.body().contains("href=\"/#import-project\" data-job-back>Back to the form"),
        page.body());
    assertEquals(before, web.fabrique.inquiries().list().size());
  }

  @Test
  void theReportAndTheFailureOfAJobReadInFrenchOnItsPageAndInItsJson() throws InterruptedException {
    HttpResponse<String> posted =
        web.uploadAs("/exchange/projects", "file", Map.of("registry.qdpx", qdpx()), Map.of());
    String location = posted.headers().firstValue("Location").orElseThrow();
    finished(location);
    String page = web.get(location, "Accept-Language", "fr").body();
    assertTrue(
        page.contains("Rapport de perte de données : Importation d’un projet REFI-QDA"), page);
    assertTrue(
        page.contains(
            "Le codage renvoie au code inconnu c0000000-0000-4000-8000-00000000dead : non transmis"),
        page);
    assertTrue(page.contains("codages"), "the kinds are French: " + page);
    String json =
        web.get("/api" + location, "Accept", "application/json", "Accept-Language", "fr").body();
    assertTrue(json.contains("\"state\":\"done\""), json);
    assertTrue(json.contains("Le codage renvoie au code inconnu"), json);

    byte[] dtd =
        "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x \"y\">]><Project/>"
            .getBytes(StandardCharsets.UTF_8);
    String failed =
        web.uploadAs("/exchange/projects", "file", Map.of("dtd.qde", dtd), Map.of())
            .headers()
            .firstValue("Location")
            .orElseThrow();
    finished(failed);
    String failure =
        web.get("/api" + failed, "Accept", "application/json", "Accept-Language", "fr").body();
    assertTrue(failure.contains("\"state\":\"failed\""), failure);
    assertTrue(
        failure.contains("le XML déclare une DTD ; les DTD et les entités sont refusées"), failure);
  }
}
