package org.fabrique.web;

import static org.fabrique.web.TestApp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceMetadata;
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
  void matricesAreTitledInTheReadersLanguageAndGroupingCodesCountTheirSubCodesWhenAsked() {
    User coder = web.fabrique.users().defaultUser();
    Code group =
        web.fabrique
            .coding()
            .createCode(inquiry.id(), coder.id(), CodingService.NewCode.named("décisions"));
    web.fabrique.coding().moveCode(coder.id(), refusal.id(), java.util.Optional.of(group.id()), 0);
    String french = Visitors.LANG_COOKIE + "=fr";
    HttpResponse<String> alone = web.get(base + "/analysis/matrix?cols=cases", "Cookie", french);
    assertTrue(alone.body().contains("<h1>Code / Cas</h1>"), alone.body());
    assertTrue(alone.body().contains("Compter les sous-codes dans les regroupements"));
    assertTrue(
        web.get(base + "/analysis/cooccurrence?within=10", "Cookie", french)
            .body()
            .contains("Code / Code (à moins de 10 caractères)"));
    HttpResponse<String> csv = web.get(base + "/analysis/matrix/export?cols=sources&format=csv");
    assertEquals("Code / Source (segments),entretien\r\ndécisions,0\r\nrefus,1\r\n", csv.body());
    HttpResponse<String> rolledUp =
        web.get(base + "/analysis/matrix/export?cols=sources&format=csv&subcodes=on");
    assertEquals(
        "Code / Source (segments),entretien\r\ndécisions,1\r\nrefus,1\r\n", rolledUp.body());
    HttpResponse<String> cell =
        web.get(
            base
                + "/analysis/matrix/cell?cols=sources&subcodes=on&code="
                + group.id()
                + "&column="
                + source.id());
    assertTrue(cell.body().contains("Le comité a refusé l'accès aux données"), cell.body());
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

  /** A second source, dated a year later, on site Lyon, coded by another coder. */
  private String filterBase() {
    User anne = web.fabrique.users().defaultUser();
    User bruno = web.fabrique.users().ensure("bruno", "Bruno");
    Source minutes =
        TestSources.importText(
            web, inquiry, "compte-rendu.txt", "Les données du registre sont appariées.\n");
    web.fabrique
        .corpus()
        .updateMetadata(anne.id(), source.id(), dated(source, LocalDate.of(2023, 3, 1)));
    web.fabrique
        .corpus()
        .updateMetadata(anne.id(), minutes.id(), dated(minutes, LocalDate.of(2024, 5, 1)));
    AttributeDefinition site =
        web.fabrique
            .attributes()
            .define(inquiry.id(), anne.id(), "site", AttributeType.TEXT, AttributeScope.SOURCE, "");
    web.fabrique.attributes().setValue(anne.id(), site.id(), minutes.id().value(), "Lyon");
    web.fabrique.attributes().setValue(anne.id(), site.id(), source.id().value(), "Rennes");
    web.fabrique.coding().code(bruno.id(), minutes.id(), 0, 39, refusal.id());
    return "/api" + base + "/search?q=donnees&attribute=" + site.id().value();
  }

  private static SourceMetadata dated(Source source, LocalDate date) {
    SourceMetadata metadata = source.metadata();
    return new SourceMetadata(
        metadata.title(),
        metadata.kind(),
        Optional.of(date),
        metadata.language(),
        metadata.caseId(),
        metadata.confidentiality());
  }

  private String titles(String url) {
    HttpResponse<String> page = web.get(url, "Accept", "application/json");
    assertEquals(200, page.statusCode(), page.body());
    List<String> titles = new ArrayList<>();
    Matcher matcher = Pattern.compile("\"title\":\"([^\"]*)\"").matcher(page.body());
    while (matcher.find()) {
      titles.add(matcher.group(1));
    }
    return String.join(",", titles.stream().distinct().sorted().toList());
  }

  @Test
  void eachFilterOfTheApiNarrowsTheHits() {
    String withSite = filterBase();
    String all = "/api" + base + "/search?q=donnees";
    assertEquals("compte-rendu,entretien", titles(all));
    assertEquals("compte-rendu", titles(all + "&from=2024-01-01"));
    assertEquals("entretien", titles(all + "&to=2023-12-31"));
    assertEquals("entretien", titles(all + "&from=2023-01-01&to=2023-12-31"));
    assertEquals("compte-rendu", titles(withSite + "&value=Lyon"));
    assertEquals("entretien", titles(withSite + "&value=Rennes"));
    String coded = all + "&code=" + refusal.id();
    assertEquals("compte-rendu,entretien", titles(coded));
    long bruno = web.fabrique.users().ensure("bruno", "Bruno").id().value();
    long anne = web.fabrique.users().defaultUser().id().value();
    assertEquals("compte-rendu", titles(all + "&coder=" + bruno));
    assertEquals("entretien", titles(all + "&coder=" + anne));
  }

  @Test
  void badFilterValuesAreRefusedWithAMessage() {
    String withSite = filterBase();
    String all = "/api" + base + "/search?q=donnees";
    HttpResponse<String> date = web.get(all + "&from=01/05/2024", "Accept", "application/json");
    assertEquals(400, date.statusCode());
    assertTrue(date.body().contains("The date from is written YYYY-MM-DD"), date.body());
    HttpResponse<String> range =
        web.get(all + "&from=2024-02-01&to=2024-01-01", "Accept", "application/json");
    assertEquals(400, range.statusCode());
    assertTrue(range.body().contains("ends before it starts"), range.body());
    assertEquals(400, web.get(all + "&coder=999", "Accept", "application/json").statusCode());
    assertEquals(400, web.get(withSite, "Accept", "application/json").statusCode());
    assertEquals(
        400, web.get(all + "&attribute=999&value=x", "Accept", "application/json").statusCode());
    HttpResponse<String> page = web.get(base + "/search?q=donnees&to=tomorrow");
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("The date to is written YYYY-MM-DD"), page.body());
  }

  @Test
  void theSearchFormOffersTheFiltersInBothLanguagesAndKeepsThem() {
    String withSite = filterBase();
    String query = withSite.substring("/api".length()) + "&value=Lyon&from=2024-01-01";
    HttpResponse<String> page = web.get(query);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("1 hits in 1 documents"), page.body());
    assertTrue(page.body().contains("name=\"coder\""), page.body());
    assertTrue(page.body().contains("<input type=\"date\" name=\"from\" value=\"2024-01-01\">"));
    assertTrue(page.body().contains("name=\"value\" value=\"Lyon\""), page.body());
    assertTrue(page.body().contains("&amp;from=2024-01-01&amp;attribute="), page.body());
    HttpResponse<String> french = web.get(query, "Cookie", Visitors.LANG_COOKIE + "=fr");
    assertTrue(french.body().contains("Codé par"), french.body());
    assertTrue(french.body().contains("Attribut"), french.body());
  }
}
