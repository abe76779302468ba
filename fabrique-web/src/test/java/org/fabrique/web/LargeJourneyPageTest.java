package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.web.journey.JourneyView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A journey of thousands of elements: its page lists the latest and sends to the tables. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeJourneyPageTest {
  private TestApp web;

  @BeforeAll
  void start() {
    web = new TestApp();
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void aLargeJourneyPageListsTheLatestElementsAndOffersThemByNumber() {
    var user = web.fabrique.users().defaultUser().id();
    Inquiry inquiry = web.fabrique.inquiries().create("Grand parcours", "");
    Case theCase =
        web.fabrique.inquiries().createCase(inquiry.id(), user, "Chaîne", Domain.COHORT, "");
    int made = JourneyView.SHOWN + 50;
    web.fabrique
        .journeys()
        .batch(
            inquiry.id(),
            user,
            "many",
            batch -> {
              for (int i = 0; i < made; i++) {
                batch.create(
                    DataObject.of(
                        ElementHeader.of(batch.newId(), inquiry.id(), theCase.id(), "Table " + i),
                        DataObjectType.DATASET));
              }
              return null;
            });
    HttpResponse<String> page =
        web.get("/cases/" + theCase.id() + "/journey", "Accept-Language", "fr");
    assertEquals(200, page.statusCode());
    String body = page.body();
    assertTrue(body.contains("data-elements-cut"), "the list says it is cut");
    assertTrue(body.contains("Les 200 derniers éléments créés, sur 250"), body);
    assertTrue(body.contains(">Table 249<"), "the latest are listed");
    assertFalse(body.contains(">Table 0<"), "the first ones are not");
    // "part of" (a data object) is offered as a number with the latest as suggestions
    assertTrue(body.contains("list=\"refs-partOf\""), "a number field with suggestions");
    assertTrue(
        count(body, "<option value=") < 10 * JourneyView.SHOWN,
        "each picker offers at most SHOWN elements: " + count(body, "<option value="));
  }
}
