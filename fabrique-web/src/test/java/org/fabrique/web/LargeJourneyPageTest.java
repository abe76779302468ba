package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.Intervention;
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

  @Test
  void aLargeTimelineShowsTheInterventionsMadeLastByDateAndTheElementPageNamesItsInputs() {
    var user = web.fabrique.users().defaultUser().id();
    Inquiry inquiry = web.fabrique.inquiries().create("Longue frise", "");
    Case theCase =
        web.fabrique.inquiries().createCase(inquiry.id(), user, "Frise", Domain.COHORT, "");
    int made = JourneyView.SHOWN + 20;
    Intervention last =
        web.fabrique
            .journeys()
            .batch(
                inquiry.id(),
                user,
                "many",
                batch -> {
                  DataObject first = null;
                  for (int i = 0; i < made; i++) {
                    DataObject table =
                        batch.create(
                            DataObject.of(
                                ElementHeader.of(
                                    batch.newId(), inquiry.id(), theCase.id(), "Table " + i),
                                DataObjectType.DATASET));
                    first = first == null ? table : first;
                  }
                  Intervention step = null;
                  for (int i = 0; i < made; i++) {
                    step =
                        batch.create(
                            Intervention.of(
                                    ElementHeader.of(
                                        batch.newId(), inquiry.id(), theCase.id(), "Step " + i),
                                    "cleaning",
                                    List.of(first.id()),
                                    List.of())
                                // made later, dated earlier: the timeline is in date order
                                .withTimes(
                                    Optional.of(
                                        Instant.parse("2025-01-01T00:00:00Z").minusSeconds(i)),
                                    Optional.empty()));
                  }
                  return step;
                });
    String body = web.get("/cases/" + theCase.id() + "/journey", "Accept-Language", "en").body();
    assertTrue(body.contains("data-timeline-cut"), "the timeline says it is cut");
    assertTrue(body.contains("The 200 interventions made last, of 220, by date"), body);
    String timeline = body.substring(body.indexOf("data-timeline>"));
    timeline = timeline.substring(0, timeline.indexOf("</ol>"));
    assertFalse(timeline.contains(">Step 19<"), "made first, not shown");
    assertTrue(
        timeline.indexOf(">Step 219<") < timeline.indexOf(">Step 20<"),
        "the last made is dated first");
    // The page of an intervention names its input, made before the 200 data objects listed, and
    // its edit form keeps it chosen.
    String element = web.get("/journey/elements/" + last.id(), "Accept-Language", "en").body();
    assertTrue(element.contains(">Table 0<"), element);
    assertTrue(element.contains("selected>Table 0<"), element);
  }
}
