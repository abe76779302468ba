package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.Span;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The journey query page, its comparison, saved queries, and codes on an element's evidence. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyQueryPagesTest {
  private TestApp web;
  private Inquiry inquiry;
  private Choice choice;

  @BeforeAll
  void start() throws Exception {
    web = new TestApp();
    inquiry = web.fabrique.inquiries().create("Query pages", "");
    User user = web.fabrique.users().defaultUser();
    Case genomics =
        web.fabrique
            .inquiries()
            .createCase(inquiry.id(), user.id(), "Biobank", Domain.GENOMICS, "");
    Source note =
        TestSources.importText(web, inquiry, "note.txt", "BI02 said: frequencies are open to all.");
    var journeys = web.fabrique.journeys();
    Actor bio =
        journeys.create(
            user.id(),
            new Actor(
                ElementHeader.of(journeys.newId(), inquiry.id(), genomics.id(), "BI02"),
                ActorType.PERSON,
                Optional.empty(),
                "bioinformatician",
                ""));
    Choice created =
        journeys.create(
            user.id(),
            Choice.of(
                ElementHeader.of(
                    journeys.newId(), inquiry.id(), genomics.id(), "Open frequencies?"),
                Set.of(Dimension.REGULATION),
                List.of()));
    choice =
        journeys.update(
            user.id(),
            created.decided(
                List.of(new ChoiceOption("yes", List.of())),
                0,
                "Aggregates only",
                "individual",
                List.of(bio.id()),
                Optional.empty()));
    journeys.addEvidence(user.id(), choice.id(), note.id(), Optional.of(new Span(11, 38)), "");
    var code =
        web.fabrique
            .coding()
            .createCode(inquiry.id(), user.id(), CodingService.NewCode.named("Openness"));
    web.fabrique.coding().code(user.id(), note.id(), 11, 38, code.id());
  }

  @AfterAll
  void stop() {
    web.close();
  }

  @Test
  void theQueryPageShowsElementsWithActorsQuotesAndAComparisonInBothLanguages() {
    String base = "/inquiries/" + inquiry.id() + "/journey/query";
    HttpResponse<String> page = web.get(base + "?kind=choice&dimension=regulation&compare=domain");
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    assertTrue(html.contains("Open frequencies?"), html);
    assertTrue(html.contains("bioinformatician"), html);
    assertTrue(html.contains("frequencies are open to all"), html);
    assertTrue(html.contains("/sources/"), html);
    assertTrue(html.contains("?at=11&amp;end=38"), html);
    assertTrue(html.contains("data-comparison"), html);
    assertTrue(html.contains("Genomics") || html.contains("genomics"), html);
    String french = web.get(base + "?kind=choice", "Cookie", "fabrique_lang=fr").body();
    assertTrue(french.contains("Requêtes sur les parcours"), french);
    assertTrue(french.contains("bioinformaticien"), french);
    assertEquals(400, web.get(base + "?kind=source").statusCode());
    assertEquals(200, web.get(base + "?kind=choice&token=printed-by-serve").statusCode());
    // The comparison's chart names the actor categories as its table does.
    String compared =
        web.get(base + "?kind=choice&compare=domain", "Cookie", "fabrique_lang=fr").body();
    java.util.regex.Matcher chart =
        java.util.regex.Pattern.compile("data-chart=\"([^\"]*)\"").matcher(compared);
    assertTrue(chart.find(), compared);
    assertTrue(chart.group(1).contains("bioinformaticien"), chart.group(1));
    assertFalse(chart.group(1).contains("bioinformatician"), chart.group(1));
  }

  @Test
  void aQueryIsSavedFromThePageAndTheElementPageShowsTheCodesOnItsEvidence() {
    String base = "/inquiries/" + inquiry.id() + "/journey/query";
    HttpResponse<String> saved =
        web.postForm(base + "/save", Map.of("name", "Regulation", "dimension", "regulation"));
    assertEquals(303, saved.statusCode(), saved.body());
    assertEquals(1, web.fabrique.journeys().queries().saved(inquiry.id()).size());
    assertTrue(web.get(base).body().contains("Regulation"));
    String element = web.get("/journey/elements/" + choice.id().value()).body();
    assertTrue(element.contains("Openness"), element);
  }
}
