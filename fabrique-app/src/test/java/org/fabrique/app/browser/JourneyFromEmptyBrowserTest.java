package org.fabrique.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Inquiry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Journeys from empty to a choice with evidence, in headless Chromium at 1400 and 768 pixels, in
 * English and French: the Journeys tab of an inquiry without cases says what to do first and offers
 * the case form; the new case's journey takes a choice; the document offers that choice in "Use as
 * evidence", and the choice's page then quotes the passage. In French, no page of the way shows
 * English. Screenshots are kept under {@code fabrique-app/target/browser-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyFromEmptyBrowserTest {
  private static final String TEXT =
      "Enquêtrice : Comment avez-vous choisi la précision des dates ?\n\n"
          + "Responsable : Nous avons gardé le mois de naissance, pas le jour.\n";
  private static final String PASSAGE = "gardé le mois de naissance";

  @TempDir static Path dir;
  private BrowserFlow flow;
  private Inquiry inquiry;
  private Source source;

  @BeforeAll
  void start() {
    flow = new BrowserFlow(dir);
  }

  /** Each run (a width and a language) has an inquiry of its own. */
  @BeforeEach
  void data() throws Exception {
    inquiry = flow.fabrique().inquiries().create("Entrepôts de santé", "");
    source = flow.interview(inquiry, TEXT);
  }

  @AfterAll
  void stop() {
    if (flow != null) {
      flow.close();
    }
  }

  @ParameterizedTest(name = "{0} px, {1}")
  @MethodSource(BrowserFlow.PAIRS)
  void fromNoJourneyToAChoiceWithEvidence(int width, String lang) {
    BrowserSession browser =
        flow.open("journey", width, lang, "/inquiries/" + inquiry.id().value() + "/journeys");
    List<String> english = new ArrayList<>();

    // No case yet: the page says so and offers the form that starts one.
    browser
        .waiting()
        .until(d -> !d.findElements(By.cssSelector("[data-empty-journeys] form")).isEmpty());
    EnglishWords.note(browser, lang, english);
    browser.screenshot("1-empty");
    WebElement caseForm = browser.driver.findElement(By.cssSelector("[data-empty-journeys] form"));
    caseForm.findElement(By.name("name")).sendKeys("Entrepôt du CHU");
    caseForm.findElement(By.cssSelector("button[type=submit]")).click();
    browser.waiting().until(d -> !d.findElements(By.cssSelector("[data-journeys]")).isEmpty());
    EnglishWords.note(browser, lang, english);
    browser.screenshot("2-case");

    // The case's journey takes a choice.
    browser.driver.findElement(By.cssSelector("[data-journeys] .row-actions a")).click();
    browser
        .waiting()
        .until(d -> !d.findElements(By.cssSelector("form[data-add=choice]")).isEmpty());
    EnglishWords.note(browser, lang, english);
    // A choice concerns at least one dimension: the first one here.
    browser.script(
        "const form = document.querySelector('form[data-add=choice]');"
            + "form.closest('details').open = true;"
            + "form.querySelector('input[name=dimension][type=checkbox]').checked = true;");
    WebElement choiceForm = browser.driver.findElement(By.cssSelector("form[data-add=choice]"));
    choiceForm.findElement(By.name("question")).sendKeys("Quelle précision des dates ?");
    browser.script(
        "arguments[0].scrollIntoView({block: 'center'});",
        choiceForm.findElement(By.cssSelector("button[type=submit]")));
    choiceForm.findElement(By.cssSelector("button[type=submit]")).click();
    browser
        .waiting()
        .until(d -> d.findElement(By.cssSelector("[data-elements]")).getText().contains("Quelle"));
    EnglishWords.note(browser, lang, english);
    browser.screenshot("3-choice");

    // The document offers the choice as what a selected passage is evidence for.
    browser.go(flow.base() + "/sources/" + source.id().value());
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#doc [data-s]")).isEmpty());
    browser
        .waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("[data-evidence-target] option")).stream()
                    .anyMatch(o -> o.getAttribute("textContent").contains("Quelle précision")));
    EnglishWords.note(browser, lang, english);
    browser.selectInDocument(PASSAGE);
    // On a narrow screen the side panel is a drawer: open it, as a reader would.
    WebElement drawer = browser.driver.findElement(By.cssSelector("[data-panel-toggle]"));
    if (drawer.isDisplayed()) {
      drawer.click();
    }
    browser
        .waiting()
        .until(d -> d.findElement(By.cssSelector("[data-evidence-target]")).isDisplayed());
    Select target =
        new Select(browser.driver.findElement(By.cssSelector("[data-evidence-target]")));
    target.getOptions().stream()
        .filter(o -> o.getAttribute("textContent").contains("Quelle précision"))
        .findFirst()
        .orElseThrow()
        .click();
    WebElement use = browser.driver.findElement(By.cssSelector("[data-evidence-use]"));
    browser.waiting().until(d -> use.isEnabled());
    browser.script("arguments[0].scrollIntoView({block: 'center'});", use);
    use.click();
    browser.waiting().until(d -> !browser.text("[data-evidence-status]").isBlank());
    browser.screenshot("4-evidence");

    // The choice's page quotes the passage.
    long choice =
        flow.fabrique().journeys().elements(inquiry.id()).stream()
            .filter(e -> e.label().contains("Quelle précision"))
            .findFirst()
            .orElseThrow()
            .id()
            .value();
    browser.go(flow.base() + "/journey/elements/" + choice);
    String evidence = browser.text("[data-evidence-list]");
    assertTrue(evidence.contains(PASSAGE), evidence);
    EnglishWords.note(browser, lang, english);
    browser.screenshot("5-quoted");
    assertEquals(List.of(), english);
  }
}
