package org.fabrique.web;

import static org.fabrique.web.TestApp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchAndAnalysisPagesTest {
  private TestApp web;
  private Inquiry inquiry;
  private Source source;
  private Code refusal;
  private String base;

  @BeforeEach
  void setUp() {
    web = new TestApp();
    inquiry = web.fabrique.inquiries().create("Registre", "");
    source =
        TestSources.importText(
            web,
            inquiry,
            "entretien.txt",
            "Le comité a refusé l'accès aux données.\nLes données pseudonymisées restent à l'hôpital.\n");
    User coder = web.fabrique.users().defaultUser();
    refusal =
        web.fabrique
            .coding()
            .createCode(inquiry.id(), coder.id(), CodingService.NewCode.named("refus"));
    web.fabrique.coding().code(coder.id(), source.id(), 0, 38, refusal.id());
    base = "/inquiries/" + inquiry.id().value();
  }

  @AfterEach
  void tearDown() {
    web.close();
  }

  @Test
  void theSearchPageShowsAConcordanceThatLinksToTheHitInTheDocument() {
    HttpResponse<String> page = web.get(base + "/search?q=donnees");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("2 hits in 1 documents"), page.body());
    assertTrue(
        page.body()
            .contains(
                "<a href=\"/sources/"
                    + source.id().value()
                    + "?q=donnees&amp;mode=query&amp;at=31#hit\" data-kwic-open>données</a>"),
        page.body());
    HttpResponse<String> french =
        web.get(base + "/search?q=donnees", "Cookie", Visitors.LANG_COOKIE + "=fr");
    assertTrue(french.body().contains("2 occurrences dans 1 documents"), french.body());
  }

  @Test
  void aMalformedQueryIsExplainedOnThePage() {
    HttpResponse<String> page = web.get(base + "/search?q=" + TestApp.encode("(données OR"));
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("The query is malformed at character 12"), page.body());
  }

  @Test
  void autoCodingFromThePageIsOneUndoableAction() {
    HttpResponse<String> coded =
        web.postForm(
            base + "/search/autocode",
            form(
                "q",
                "donnees",
                "mode",
                "query",
                "target",
                refusal.id().toString(),
                "extent",
                "hit"));
    assertEquals(303, coded.statusCode());
    assertTrue(coded.headers().firstValue("Location").orElseThrow().contains("notice=autocoded"));
    assertEquals(3, web.fabrique.coding().spans(source.id(), 0, source.length()).size());
    web.postForm(base + "/undo", form("back", base + "/search?q=donnees"));
    assertEquals(1, web.fabrique.coding().spans(source.id(), 0, source.length()).size());
  }

  @Test
  void theApiSearchesAndHighlights() {
    HttpResponse<String> page =
        web.get(
            "/api" + base + "/search?q=" + TestApp.encode("\"données pseudonymisées\""),
            "Accept",
            "application/json");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("\"keyword\":\"données pseudonymisées\""), page.body());
    HttpResponse<String> hits =
        web.get(
            "/api/sources/" + source.id().value() + "/highlights?q=donnees",
            "Accept",
            "application/json");
    assertEquals("[{\"start\":31,\"end\":38},{\"start\":44,\"end\":51}]", hits.body());
  }

  @Test
  void matrixPagesDrawChartsAndExport() {
    HttpResponse<String> matrix =
        web.get(base + "/analysis/matrix?cols=sources&measure=characters");
    assertEquals(200, matrix.statusCode());
    assertTrue(
        matrix.body().contains("data-chart=\"{&#34;kind&#34;:&#34;heatmap&#34;"), matrix.body());
    assertTrue(matrix.body().contains("/webjars/echarts/5.3.1/dist/echarts.min.js"));
    assertEquals(200, web.get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode());
    HttpResponse<String> csv =
        web.get(base + "/analysis/matrix/export?cols=sources&measure=characters&format=csv");
    assertEquals("Code / Source (characters),entretien\r\nrefus,38\r\n", csv.body());
    HttpResponse<String> cell =
        web.get(
            base
                + "/analysis/matrix/cell?cols=sources&code="
                + refusal.id()
                + "&column="
                + source.id());
    assertEquals(200, cell.statusCode(), cell.body());
    assertTrue(cell.body().contains("Le comité a refusé l'accès aux données"), cell.body());
    assertEquals(200, web.get(base + "/analysis/cooccurrence?within=10").statusCode());
    assertEquals(
        200, web.get(base + "/analysis/query?a=" + refusal.id() + "&op=only").statusCode());
    assertEquals(200, web.get(base + "/analysis").statusCode());
  }

  @Test
  void journeyAnalyticsPageShowsItsTablesInBothLanguages() {
    HttpResponse<String> page = web.get(base + "/analysis/journeys");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("data-journey-table=\"choices\""), page.body());
    HttpResponse<String> french =
        web.get(base + "/analysis/journeys?across=cases", "Cookie", Visitors.LANG_COOKIE + "=fr");
    assertTrue(french.body().contains("Analyse des parcours"), french.body());
    HttpResponse<String> json =
        web.get("/api" + base + "/analysis/journeys", "Accept", "application/json");
    assertTrue(json.body().contains("\"roles\""), json.body());
  }

  @Test
  void agreementNeedsTwoCoders() {
    HttpResponse<String> page = web.get(base + "/analysis/agreement");
    assertEquals(400, page.statusCode());
    User other = web.fabrique.users().ensure("bruno", "Bruno");
    web.fabrique.coding().code(other.id(), source.id(), 4, 38, refusal.id());
    HttpResponse<String> agreement = web.get(base + "/analysis/agreement");
    assertEquals(200, agreement.statusCode());
    assertTrue(agreement.body().contains("data-disagreements"), agreement.body());
    HttpResponse<String> json =
        web.get("/api" + base + "/analysis/agreement", "Accept", "application/json");
    assertTrue(json.body().contains("\"percentAgreement\":"), json.body());
  }
}
