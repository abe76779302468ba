package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.UserId;
import org.fabrique.web.i18n.Lang;
import org.fabrique.web.i18n.NaturalOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Journeys in the navigation with empty states that say how to start, the codings export from the
 * inquiry and code pages, download names in UTF-8 and titles in natural order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneysAndExportsTest {
  private TestApp web;

  @BeforeAll
  void start() {
    web = new TestApp();
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private UserId me() {
    return web.fabrique.users().defaultUser().id();
  }

  @Test
  void downloadsCarryTheirExactNameInUtf8AndAnAsciiFallback() {
    assertEquals(
        "attachment; filename=\"Acces des donnees de l'MLSS.qdpx\";"
            + " filename*=UTF-8''Acc%C3%A8s%20des%20donn%C3%A9es%20de%20l%27MLSS.qdpx",
        Downloads.contentDisposition("Accès des données de l'MLSS.qdpx"));
    assertEquals(
        "attachment; filename=\"a_b.csv\"; filename*=UTF-8''a_b.csv",
        Downloads.contentDisposition("a/b.csv"));
  }

  @Test
  void titlesComeInNaturalOrder() {
    List<String> titles =
        List.of("Interview 10", "interview 1", "Entretien élargi", "Interview 2", "Entretien");
    assertEquals(
        List.of("Entretien", "Entretien élargi", "interview 1", "Interview 2", "Interview 10"),
        titles.stream().sorted(NaturalOrder.of(Lang.FR)).toList());

    Inquiry inquiry = web.fabrique.inquiries().create("Ordre", "");
    for (String title : List.of("Interview 10", "Interview 2", "Interview 1")) {
      TestSources.importText(
          web, inquiry, title + ".txt", "Texte de " + title + ".\n", Optional.of("fr"));
    }
    String page = web.get("/inquiries/" + inquiry.id() + "/sources").body();
    int one = page.indexOf(">Interview 1<");
    int two = page.indexOf(">Interview 2<");
    int ten = page.indexOf(">Interview 10<");
    assertTrue(one > 0 && one < two && two < ten, "1, 2, 10 in the sources table");
  }

  @Test
  void journeysAreInTheNavigationAndAnEmptyInquirySaysHowToStart() {
    Inquiry inquiry = web.fabrique.inquiries().create("Parcours", "");
    String id = inquiry.id().toString();
    String overview = web.get("/inquiries/" + id, "Accept-Language", "fr").body();
    assertTrue(overview.contains("href=\"/inquiries/" + id + "/journeys\""), "a Journeys tab");

    String empty = web.get("/inquiries/" + id + "/journeys", "Accept-Language", "fr").body();
    assertTrue(empty.contains("data-empty-journeys"));
    assertTrue(empty.contains("Créez le premier cas"));
    assertTrue(empty.contains("name=\"back\" value=\"/inquiries/" + id + "/journeys\""));

    HttpResponse<String> created =
        web.postForm(
            "/inquiries/" + id + "/cases",
            TestApp.form(
                "name",
                "Entrepôt",
                "domain",
                Domain.values()[0].id(),
                "back",
                "/inquiries/" + id + "/journeys"));
    assertEquals(303, created.statusCode());
    assertTrue(
        created
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .startsWith("/inquiries/" + id + "/journeys"),
        "creating the first case comes back to the journeys");
    String listed = web.get("/inquiries/" + id + "/journeys", "Accept-Language", "en").body();
    assertTrue(listed.contains("data-journeys"));
    assertTrue(listed.contains("Start this journey"));

    String choices = web.get("/inquiries/" + id + "/choices", "Accept-Language", "en").body();
    assertTrue(choices.contains("data-empty-choices"), "no blank filters on an empty inquiry");
    assertTrue(
        choices.contains("Journey of Entrepôt"), "the empty state offers the case's journey");
    String tensions = web.get("/inquiries/" + id + "/tensions", "Accept-Language", "en").body();
    assertTrue(tensions.contains("data-empty-tensions"));
  }

  @Test
  void codingsAreExportedAsCsvOrXlsxForTheInquiryOrOneCodeWithItsSubCodes() throws Exception {
    Inquiry inquiry = web.fabrique.inquiries().create("Export é", "");
    Source source =
        TestSources.importText(
            web,
            inquiry,
            "e.txt",
            "Le comité refuse. Les patients acceptent.\n",
            Optional.of("fr"));
    Code refus =
        web.fabrique.coding().createCode(inquiry.id(), me(), CodingService.NewCode.named("Refus"));
    Code ferme =
        web.fabrique
            .coding()
            .createCode(inquiry.id(), me(), CodingService.NewCode.named("Ferme").under(refus.id()));
    Code accord =
        web.fabrique.coding().createCode(inquiry.id(), me(), CodingService.NewCode.named("Accord"));
    web.fabrique.coding().code(me(), source.id(), 3, 9, refus.id());
    web.fabrique.coding().code(me(), source.id(), 10, 16, ferme.id());
    web.fabrique.coding().code(me(), source.id(), 18, 30, accord.id());
    String base = "/inquiries/" + inquiry.id() + "/codings/export";

    HttpResponse<String> all = web.get(base + "?format=csv&profile=internal&quotes=on");
    assertEquals(200, all.statusCode());
    assertTrue(all.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    assertTrue(
        all.headers()
            .firstValue("Content-Disposition")
            .orElseThrow()
            .contains("filename*=UTF-8''codings-Export%20%C3%A9-internal.csv"));
    assertEquals(4, all.body().lines().count(), "a header and three codings");
    assertTrue(all.body().contains("comité"));

    HttpResponse<String> oneCode =
        web.get(base + "?format=csv&profile=internal&code=" + refus.id().value());
    List<String> lines = oneCode.body().lines().toList();
    assertEquals(3, lines.size(), "the code and its sub-code");
    assertTrue(lines.get(1).contains("Refus") && !oneCode.body().contains("Accord"));
    assertTrue(!oneCode.body().contains("comité"), "no quotes unless asked for");

    HttpResponse<byte[]> xlsx =
        HttpClient.newHttpClient()
            .send(
                web.request(base + "?format=xlsx&profile=team&quotes=on").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, xlsx.statusCode());
    assertTrue(xlsx.headers().firstValue("Content-Type").orElseThrow().contains("spreadsheetml"));
    assertEquals('P', xlsx.body()[0]);
    assertEquals('K', xlsx.body()[1]);

    HttpResponse<String> wrong =
        web.get(base + "?format=pdf", "Accept", "application/json", "Accept-Language", "en");
    assertEquals(400, wrong.statusCode());

    String codePage = web.get("/codes/" + refus.id().value()).body();
    assertTrue(codePage.contains("name=\"code\" value=\"" + refus.id().value() + "\""));
    String overview = web.get("/inquiries/" + inquiry.id()).body();
    assertTrue(overview.contains("action=\"" + base + "\""));
  }
}
