package org.fabrique.web;

import static org.fabrique.web.TestApp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The pages, driven as a browser would: forms posted, redirects followed by hand. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest {
  private TestApp web;

  @BeforeAll
  void start() {
    web = new TestApp();
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private Inquiry newInquiry(String name) {
    return web.fabrique.inquiries().create(name, "");
  }

  private User me() {
    return web.fabrique.users().defaultUser();
  }

  @Test
  void homeListsInquiriesAndCreatesOneFromTheForm() {
    HttpResponse<String> created =
        web.postForm("/inquiries", form("name", "Cohortes & <registres>", "description", "Suivi"));
    assertEquals(303, created.statusCode());
    String location = created.headers().firstValue("Location").orElseThrow();
    assertTrue(location.matches("/inquiries/\\d+"), location);

    HttpResponse<String> home = web.get("/", "Accept-Language", "en");
    assertEquals(200, home.statusCode());
    assertTrue(home.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(home.body().contains("Cohortes &amp; &lt;registres&gt;"), "names are escaped");
    assertFalse(home.body().contains("<registres>"));

    HttpResponse<String> overview = web.get(location);
    assertEquals(200, overview.statusCode());
    assertTrue(overview.body().contains("Cohortes &amp; &lt;registres&gt;"));
  }

  @Test
  void casesAreCreatedEditedWithAttributesAndDeletedFromTheirPages() {
    Inquiry inquiry = newInquiry("Cases");
    var attribute =
        web.fabrique
            .attributes()
            .define(
                inquiry.id(), me().id(), "Founded", AttributeType.INTEGER, AttributeScope.CASE, "");
    HttpResponse<String> created =
        web.postForm(
            "/inquiries/" + inquiry.id() + "/cases",
            form("name", "Constances", "domain", "cohort", "description", "A cohort"));
    assertEquals(303, created.statusCode());
    Case theCase = web.fabrique.inquiries().cases(inquiry.id()).get(0);
    assertEquals(Domain.COHORT, theCase.domain());

    String page = web.get("/cases/" + theCase.id()).body();
    assertTrue(
        page.contains("name=\"attr-" + attribute.id() + "\""), "the attribute field is shown");

    HttpResponse<String> saved =
        web.postForm(
            "/cases/" + theCase.id(),
            form(
                "name",
                "Constances cohort",
                "domain",
                "registry",
                "description",
                "",
                "attr-" + attribute.id(),
                "2012"));
    assertEquals(303, saved.statusCode());
    assertEquals("Constances cohort", web.fabrique.inquiries().getCase(theCase.id()).name());
    assertEquals(Domain.REGISTRY, web.fabrique.inquiries().getCase(theCase.id()).domain());
    assertEquals("2012", web.fabrique.attributes().valuesOf(theCase.id().value()).get(0).value());

    HttpResponse<String> refused =
        web.postForm(
            "/cases/" + theCase.id(),
            form("name", "X", "domain", "cohort", "attr-" + attribute.id(), "twenty"));
    assertEquals(400, refused.statusCode());
    assertEquals("2012", web.fabrique.attributes().valuesOf(theCase.id().value()).get(0).value());

    assertEquals(303, web.postForm("/cases/" + theCase.id() + "/delete", form()).statusCode());
    assertTrue(web.fabrique.inquiries().cases(inquiry.id()).isEmpty());

    HttpResponse<String> undone =
        web.postForm(
            "/inquiries/" + inquiry.id() + "/undo", form("back", "/inquiries/" + inquiry.id()));
    assertEquals(303, undone.statusCode());
    assertEquals(
        "/inquiries/" + inquiry.id() + "?notice=undone",
        undone.headers().firstValue("Location").orElseThrow());
    assertEquals(1, web.fabrique.inquiries().cases(inquiry.id()).size());
    String overview = web.get("/inquiries/" + inquiry.id() + "?notice=undone").body();
    assertTrue(overview.contains("Undone."), "the notice is shown");
    assertTrue(overview.contains("Deleted a case"), "the history is shown");
  }

  @Test
  void sourcesAreImportedWithoutScriptDescribedAndDeleted() {
    Inquiry inquiry = newInquiry("Corpus");
    HttpResponse<String> imported =
        web.upload(
            "/inquiries/" + inquiry.id() + "/sources",
            Map.of(
                "notes.txt",
                "Le comité a refusé l'appariement.\n".getBytes(StandardCharsets.UTF_8),
                "empty.txt",
                new byte[0]),
            form("kind", "field-note", "confidentiality", "internal"),
            "Accept",
            "text/html");
    assertEquals(200, imported.statusCode());
    assertTrue(imported.body().contains("notes.txt"));
    assertTrue(imported.body().contains("class=\"refused\""), "the empty file is refused");
    Source source = web.fabrique.corpus().list(inquiry.id()).get(0);
    assertEquals("notes", source.title());

    String list = web.get("/inquiries/" + inquiry.id() + "/sources").body();
    assertTrue(list.contains("/sources/" + source.id() + "/edit"));

    assertEquals(200, web.get("/sources/" + source.id() + "/edit").statusCode());
    HttpResponse<String> saved =
        web.postForm(
            "/sources/" + source.id() + "/edit",
            form(
                "title",
                "Notes du 12 mars",
                "kind",
                "observation",
                "date",
                "2024-03-12",
                "language",
                "fr",
                "caseId",
                "",
                "confidentiality",
                "secret"));
    assertEquals(303, saved.statusCode());
    Source after = web.fabrique.corpus().get(source.id());
    assertEquals("Notes du 12 mars", after.title());
    assertEquals("2024-03-12", after.date().orElseThrow().toString());

    // The original's bytes cannot be redacted: it goes out only as stored, when asked so.
    assertEquals(403, web.get("/sources/" + source.id() + "/original").statusCode());
    assertEquals(403, web.get("/sources/" + source.id() + "/original?profile=public").statusCode());
    HttpResponse<String> original =
        web.get("/sources/" + source.id() + "/original?profile=internal");
    assertEquals(200, original.statusCode());
    assertTrue(
        original.headers().firstValue("Content-Disposition").orElseThrow().contains("notes.txt"));

    assertEquals(303, web.postForm("/sources/" + source.id() + "/delete", form()).statusCode());
    assertTrue(web.fabrique.corpus().list(inquiry.id()).isEmpty());
  }

  @Test
  void theDocumentViewHoldsTheCodesButNotTheText() {
    Inquiry inquiry = newInquiry("Document");
    Source source = TestSources.importText(web, inquiry, "interview.txt", "Secret passage.\n");
    web.fabrique
        .coding()
        .createCode(inquiry.id(), me().id(), CodingService.NewCode.named("Consent"));
    String page = web.get("/sources/" + source.id()).body();
    assertTrue(page.contains("data-name=\"Consent\""));
    assertTrue(page.contains("data-key=\"1\""));
    assertFalse(page.contains("Secret passage"), "the text comes by windows, not in the page");
  }

  @Test
  void theCodebookIsManagedFromItsPages() {
    Inquiry inquiry = newInquiry("Codebook");
    String base = "/inquiries/" + inquiry.id();
    web.postForm(base + "/codes", form("name", "Consent", "colour", "#112233", "codable", "true"));
    web.postForm(base + "/codes", form("name", "Data", "colour", "#445566"));
    Code consent = code(inquiry, "Consent");
    Code data = code(inquiry, "Data");
    assertTrue(consent.codable());
    assertFalse(data.codable(), "an unchecked box makes a grouping code");

    web.postForm(
        "/codes/" + data.id() + "/edit",
        form(
            "name",
            "Data work",
            "colour",
            "#445566",
            "description",
            "Interventions",
            "codable",
            "true"));
    assertEquals("Data work", web.fabrique.coding().getCode(data.id()).name());

    web.postForm("/codes/" + consent.id() + "/move", form("parentId", data.id().toString()));
    assertEquals(data.id(), web.fabrique.coding().getCode(consent.id()).parentId().orElseThrow());

    String tree = web.get(base + "/codebook").body();
    assertTrue(tree.contains("depth-1"), "the child is indented");
    assertEquals(200, web.get("/codes/" + consent.id()).statusCode());

    web.postForm(base + "/codes", form("name", "Ethics", "codable", "true"));
    Code ethics = code(inquiry, "Ethics");
    web.postForm("/codes/" + ethics.id() + "/merge", form("intoId", consent.id().toString()));
    assertEquals(2, web.fabrique.coding().codes(inquiry.id()).size());

    web.postForm("/codes/" + data.id() + "/delete", form("confirm", "yes"));
    assertTrue(web.fabrique.coding().codes(inquiry.id()).isEmpty(), "children go with a code");
  }

  @Test
  void memosAreWrittenEditedAndDeleted() {
    Inquiry inquiry = newInquiry("Memos");
    String base = "/inquiries/" + inquiry.id();
    HttpResponse<String> written =
        web.postForm(
            base + "/memos",
            form(
                "targetKind",
                "inquiry",
                "targetId",
                inquiry.id().toString(),
                "title",
                "Idea",
                "body",
                "Compare <the> committees",
                "back",
                base + "/memos"));
    assertEquals(303, written.statusCode());
    String list = web.get(base + "/memos").body();
    assertTrue(list.contains("Compare &lt;the&gt; committees"));
    var memo = web.fabrique.memos().list(inquiry.id()).get(0);
    web.postForm("/memos/" + memo.id() + "/edit", form("title", "Idea 2", "body", "B"));
    assertEquals("Idea 2", web.fabrique.memos().get(memo.id()).title());
    web.postForm("/memos/" + memo.id() + "/delete", form());
    assertTrue(web.fabrique.memos().list(inquiry.id()).isEmpty());

    HttpResponse<String> elsewhere =
        web.postForm(
            base + "/memos", form("targetKind", "code", "targetId", "999999", "body", "x"));
    assertEquals(404, elsewhere.statusCode(), "a memo needs an existing target");
  }

  @Test
  void attributesAreDefinedAndDeleted() {
    Inquiry inquiry = newInquiry("Attributes");
    String base = "/inquiries/" + inquiry.id();
    web.postForm(
        base + "/attributes", form("name", "Interview date", "type", "date", "scope", "source"));
    var definition = web.fabrique.attributes().definitions(inquiry.id()).get(0);
    assertEquals(AttributeScope.SOURCE, definition.scope());
    assertTrue(web.get(base + "/attributes").body().contains("Interview date"));
    web.postForm("/attributes/" + definition.id() + "/delete", form());
    assertTrue(web.fabrique.attributes().definitions(inquiry.id()).isEmpty());
  }

  @Test
  void redirectsNeverLeaveTheSite() {
    HttpResponse<String> response = web.get("/lang/fr?back=//evil.example/x");
    assertEquals(303, response.statusCode());
    assertEquals("/", response.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void staticAssetsAreServed() {
    assertEquals(200, web.get("/static/fabrique.css").statusCode());
    assertEquals(200, web.get("/static/document.js").statusCode());
    assertEquals(200, web.get("/static/text.js").statusCode());
  }

  private Code code(Inquiry inquiry, String name) {
    return web.fabrique.coding().codes(inquiry.id()).stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
