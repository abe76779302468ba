package org.fabrique.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.user.User;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The journey graph's highlighting by actor, dimension and date in headless Chromium (in French):
 * pick a dimension, an actor and a date range, and the graph lights the elements that pass and
 * draws the others pale; a refused date range is told above the graph. Skipped without Chromium.
 */
class JourneyFiltersBrowserTest {
  @TempDir Path dir;
  private Workbench workbench;
  private Javalin app;
  private BrowserSession browser;
  private String base;
  private Case theCase;
  private JourneyService journeys;
  private User me;

  @BeforeEach
  void start() {
    assumeTrue(BrowserSession.available(), "Chromium is not installed");
    workbench = Workbench.embedded(dir.resolve("data"));
    Fabrique fabrique = workbench.fabrique();
    me = fabrique.users().defaultUser();
    journeys = fabrique.journeys();
    Inquiry inquiry = fabrique.inquiries().create("Entrepôts", "");
    theCase =
        fabrique
            .inquiries()
            .createCase(inquiry.id(), me.id(), "CHU", Domain.HOSPITAL_DATA_WAREHOUSE, "");
    app = WebApp.create(fabrique, WebConfig.defaults(dir.resolve("data")));
    app.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.stop();
    }
    if (workbench != null) {
      workbench.close();
    }
  }

  private ElementHeader header(String label) {
    return ElementHeader.of(journeys.newId(), theCase.inquiryId(), theCase.id(), label);
  }

  private Intervention intervention(String label, DataObject in, DataObject out, String day) {
    Instant at = Instant.parse(day + "T10:00:00Z");
    return journeys.create(
        me.id(),
        Intervention.of(header(label), "extraction", List.of(in.id()), List.of(out.id()))
            .withTimes(Optional.of(at), Optional.empty()));
  }

  private Choice choice(
      String label, Dimension dimension, Intervention about, Actor by, String on) {
    return journeys.create(
        me.id(),
        Choice.of(header(label), Set.of(dimension), List.of(about.id()))
            .decided(
                List.of(new ChoiceOption("Oui", List.of())),
                0,
                "",
                "",
                List.of(by.id()),
                Optional.of(LocalDate.parse(on))));
  }

  /** The ids of the nodes the graph's list says pass the filters, once the graph is drawn. */
  private Set<Long> lit() {
    browser
        .waiting()
        .until(
            d ->
                "true".equals(d.findElement(By.id("journey-graph")).getDomAttribute("data-ready")));
    Set<Long> out = new TreeSet<>();
    Object ids =
        browser.script(
            "return Array.from(document.querySelectorAll('[data-graph-nodes] li'))"
                + ".filter(li => li.dataset.matches === 'true').map(li => li.dataset.id);");
    for (Object id : (List<?>) ids) {
      out.add(Long.parseLong(String.valueOf(id)));
    }
    return out;
  }

  private void waitFor(Set<Long> expected) {
    browser.waiting().until(d -> lit().equals(expected));
    assertEquals(expected, lit());
  }

  private static Set<Long> ids(JourneyElement... elements) {
    Set<Long> out = new TreeSet<>();
    for (JourneyElement e : elements) {
      out.add(e.id().value());
    }
    return out;
  }

  private Select field(String name) {
    return new Select(
        browser.driver.findElement(By.cssSelector("[data-graph-lit] [name='" + name + "']")));
  }

  private void date(String name, String value) {
    // a date input is set by script (its typing depends on the browser's locale), then announced
    browser.script(
        "const f = document.querySelector(\"[data-graph-lit] [name='\" + arguments[0] + \"']\");"
            + "f.value = arguments[1]; f.dispatchEvent(new Event('change', {bubbles: true}));",
        name,
        value);
  }

  @Test
  void pickingADimensionAnActorAndDatesLightsTheirElementsAndPalesTheOthers() {
    DataObject raw =
        journeys.create(me.id(), DataObject.of(header("Brut"), DataObjectType.DATASET));
    DataObject pseudo =
        journeys.create(me.id(), DataObject.of(header("Pseudonymisé"), DataObjectType.DATASET));
    DataObject table =
        journeys.create(me.id(), DataObject.of(header("Table"), DataObjectType.DATASET));
    Actor manager =
        journeys.create(
            me.id(),
            new Actor(header("Gestionnaire G"), ActorType.PERSON, Optional.empty())
                .withCategory("data-manager", ""));
    Actor lawyer =
        journeys.create(
            me.id(),
            new Actor(header("Juriste J"), ActorType.PERSON, Optional.empty())
                .withCategory("lawyer", ""));
    Intervention pseudonymise = intervention("Pseudonymiser", raw, pseudo, "2025-03-12");
    Intervention extract = intervention("Extraire", pseudo, table, "2025-09-01");
    journeys.addParticipation(me.id(), manager.id(), "data-manager", pseudonymise.id());
    journeys.addParticipation(me.id(), lawyer.id(), "data-controller", extract.id());
    Choice birthYear =
        choice("Année de naissance seule", Dimension.NATURE, pseudonymise, manager, "2025-03-01");
    Choice publicInterest =
        choice("Intérêt public", Dimension.REGULATION, extract, lawyer, "2025-08-20");

    browser = new BrowserSession("journey-filters", 1400, "fr", dir.resolve("profile"));
    browser.driver.get(base + "/lang/fr?back=/cases/" + theCase.id().value() + "/journey");
    assertEquals(9, lit().size(), "every element is lit before any filter");
    assertTrue(
        browser
            .driver
            .findElement(By.cssSelector("[data-graph-legend]"))
            .getText()
            .contains("pâle"));

    field("dimension").selectByValue("regulation");
    waitFor(ids(lawyer, extract, publicInterest));
    Object opacity =
        browser.script(
            "return window.fabriqueJourneyGraph.getElementById(arguments[0])"
                + ".style('opacity');",
            String.valueOf(raw.id().value()));
    assertEquals("0.2", String.valueOf(opacity));
    browser.screenshot("1-regulation");

    field("dimension").selectByValue("");
    field("actor").selectByValue(String.valueOf(manager.id().value()));
    waitFor(ids(manager, pseudonymise, birthYear));

    field("actor").selectByValue("");
    date("from", "2025-06-01");
    waitFor(ids(lawyer, extract, publicInterest));
    date("to", "2025-01-01");
    browser
        .waiting()
        .until(
            d -> {
              var problem = d.findElement(By.cssSelector("[data-graph-problem]"));
              return problem.isDisplayed() ? problem.getText() : null;
            });
    assertEquals(ids(lawyer, extract, publicInterest), lit(), "the graph stays as it was");
    browser.screenshot("2-refused");

    browser.driver.findElement(By.cssSelector("[data-graph-lit-clear]")).click();
    waitFor(
        ids(raw, pseudo, table, manager, lawyer, pseudonymise, extract, birthYear, publicInterest));
  }
}
