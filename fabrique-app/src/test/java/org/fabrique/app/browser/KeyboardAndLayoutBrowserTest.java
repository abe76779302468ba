package org.fabrique.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Coding by keyboard and the layout of every page, in headless Chromium at 768 and 1400 pixels, in
 * French and English: select with Shift+arrows, pick a code by typing, apply a recent code with its
 * digit, go to the next coding, write a memo on it, open the list of shortcuts; then, in French at
 * each width, every page of an inquiry without horizontal scrolling and without an English message.
 * Screenshots are kept under {@code fabrique-app/target/browser-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyboardAndLayoutBrowserTest {
  private static final String TEXT =
      "Enquêtrice : Comment le comité décide-t-il ?\n\n"
          + "Responsable : Le comité d'accès se réunit chaque mois et refuse parfois les projets"
          + " qui ne disent pas comment les patients ont été informés de la réutilisation.\n\n"
          + "Enquêtrice : Et les données elles-mêmes ?\n\n"
          + "Responsable : Les identifiants directs sont remplacés par un pseudonyme.\n";

  @TempDir static Path dir;
  private BrowserFlow flow;
  private BrowserSession browser;
  private Inquiry inquiry;
  private Source source;
  private Code consent;
  private Case theCase;

  @BeforeAll
  void start() {
    flow = new BrowserFlow(dir);
  }

  /** Each run (a width and a language) has an inquiry of its own. */
  @BeforeEach
  void data() throws Exception {
    Fabrique fabrique = flow.fabrique();
    User me = flow.me();
    inquiry = fabrique.inquiries().create("Entrepôts de données de santé", "");
    theCase =
        fabrique
            .inquiries()
            .createCase(inquiry.id(), me.id(), "Entrepôt du CHU", Domain.values()[0], "");
    source = flow.interview(inquiry, TEXT);
    consent =
        fabrique
            .coding()
            .createCode(inquiry.id(), me.id(), CodingService.NewCode.named("Consentement"));
    fabrique
        .coding()
        .createCode(inquiry.id(), me.id(), CodingService.NewCode.named("Pseudonymisation"));
  }

  @AfterAll
  void stop() {
    if (flow != null) {
      flow.close();
    }
  }

  private void keys(CharSequence... keys) {
    browser.keys(keys);
  }

  private String selected() {
    return browser.selected();
  }

  @ParameterizedTest(name = "{0} px, {1}")
  @MethodSource(BrowserFlow.PAIRS)
  void codingByKeyboardThenEveryPageFitsAndSpeaksTheLanguage(int width, String lang) {
    browser = flow.open("keyboard", width, lang, "/sources/" + source.id().value());
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#doc [data-s]")).isEmpty());

    // Shift+arrows select in the text: a caret appears at the first line in view.
    browser.script("document.getElementById('doc').focus();");
    for (int i = 0; i < 11; i++) {
      new Actions(browser.driver)
          .keyDown(Keys.SHIFT)
          .sendKeys(Keys.ARROW_RIGHT)
          .keyUp(Keys.SHIFT)
          .perform();
    }
    assertEquals("Enquêtrice ", selected());
    new Actions(browser.driver)
        .keyDown(Keys.SHIFT)
        .keyDown(Keys.CONTROL)
        .sendKeys(Keys.ARROW_RIGHT)
        .keyUp(Keys.CONTROL)
        .keyUp(Keys.SHIFT)
        .perform();
    assertTrue(selected().length() > "Enquêtrice ".length(), "Ctrl+Shift+→ extends by a word");
    browser
        .waiting()
        .until(
            d ->
                d.findElement(By.cssSelector("[data-selection]"))
                    .getAttribute("class")
                    .contains("has-selection"));

    // Enter opens the picker; typing filters the codebook; Enter applies.
    keys(Keys.ENTER);
    browser.waiting().until(d -> d.switchTo().activeElement().getAttribute("data-quick") != null);
    keys("pseudo");
    keys(Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#doc .coded")).isEmpty());
    browser.screenshot("1-coded");

    // The code just used is the first recent code: its digit applies it to another selection.
    browser.script(
        "document.getElementById('doc').focus(); window.getSelection().removeAllRanges();");
    browser
        .waiting()
        .until(d -> !d.findElements(By.cssSelector("[data-recent] .recent-chip")).isEmpty());
    browser.script(
        "const walker = document.createTreeWalker(document.getElementById('doc'), NodeFilter.SHOW_TEXT);"
            + "let node; while ((node = walker.nextNode()) && !node.data.includes('pseudonyme')) {}"
            + "const at = node.data.indexOf('pseudonyme'); const range = document.createRange();"
            + "range.setStart(node, at); range.setEnd(node, at + 10);"
            + "window.getSelection().removeAllRanges(); window.getSelection().addRange(range);"
            + "document.getElementById('doc').focus();");
    browser
        .waiting()
        .until(
            d ->
                d.findElement(By.cssSelector("[data-selection]"))
                    .getAttribute("class")
                    .contains("has-selection"));
    keys("1");
    browser
        .waiting()
        .until(d -> flow.fabrique().coding().spans(source.id(), 0, source.length()).size() == 2);

    // n goes to the first coding; m writes a memo on it. The page redraws the document when the
    // live check sees the coding just made: a key pressed during the redraw, or a selection made
    // just before it, is lost, so n is pressed again (from no selection) until it holds.
    browser
        .waiting()
        .until(
            d -> {
              if (selected().startsWith("Enquêtrice")) {
                return true;
              }
              browser.script(
                  "window.getSelection().removeAllRanges();"
                      + " document.getElementById('doc').focus();");
              keys("n");
              return false;
            });
    keys("m");
    browser
        .waiting()
        .until(d -> d.findElement(By.cssSelector("[data-details] textarea")).isDisplayed());
    // Written and sent again if the panel was redrawn (the page follows the history) before the
    // memo reached the store.
    browser
        .waiting()
        .ignoring(ElementNotInteractableException.class)
        .until(
            d -> {
              if (flow.fabrique().memos().list(inquiry.id()).stream()
                  .anyMatch(memo -> memo.body().contains("Qui parle ici."))) {
                return true;
              }
              WebElement memo = d.findElement(By.cssSelector("[data-details] textarea"));
              if (memo.isDisplayed() && !memo.getAttribute("value").contains("Qui parle ici.")) {
                memo.clear();
                memo.sendKeys("Qui parle ici.");
                d.findElement(By.cssSelector("[data-details] button[type=submit]")).click();
              }
              return false;
            });
    // The page shows it once it has followed the history (a poll away on a busy machine).
    browser
        .waiting()
        .until(d -> d.findElement(By.id("doc-memos")).getText().contains("Qui parle ici."));

    // ? lists the shortcuts.
    browser.script("document.getElementById('doc').focus();");
    keys("?");
    browser.waiting().until(d -> d.findElement(By.id("shortcuts")).isDisplayed());
    browser.screenshot("2-shortcuts");
    keys(Keys.ESCAPE);

    // Every page, walked in French at each width (French is the longer of the two): no horizontal
    // scrolling, no English message. The English runs stop at the coding.
    if (!lang.equals("fr")) {
      return;
    }
    Set<String> english = EnglishWords.englishOnlyMessages();
    String id = Long.toString(inquiry.id().value());
    List<String> pages =
        List.of(
            "/inquiries/" + id,
            "/inquiries/" + id + "/sources",
            "/inquiries/" + id + "/codebook",
            "/inquiries/" + id + "/memos",
            "/inquiries/" + id + "/attributes",
            "/inquiries/" + id + "/search",
            "/inquiries/" + id + "/analysis",
            "/inquiries/" + id + "/journeys",
            "/inquiries/" + id + "/choices",
            "/inquiries/" + id + "/tensions",
            "/inquiries/" + id + "/exchange",
            "/inquiries/" + id + "/interventions",
            "/inquiries/" + id + "/journey/query",
            "/inquiries/" + id + "/members",
            "/inquiries/" + id + "/analysis/matrix?cols=cases&subcodes=on",
            "/inquiries/" + id + "/analysis/cooccurrence?within=20",
            "/inquiries/" + id + "/analysis/journeys",
            "/cases/" + theCase.id().value(),
            "/cases/" + theCase.id().value() + "/journey",
            "/sources/" + source.id().value(),
            "/codes/" + consent.id().value());
    List<String> problems = new ArrayList<>();
    int shot = 3;
    for (String page : pages) {
      browser.driver.get(flow.base() + page);
      browser
          .waiting()
          .until(d -> "complete".equals(browser.script("return document.readyState;")));
      long overflow =
          (Long)
              browser.script(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      if (overflow > 1) {
        problems.add(page + " scrolls sideways by " + overflow + " px");
      }
      String text = (String) browser.script("return document.body.innerText;");
      for (String message : english) {
        if (text.contains(message)) {
          problems.add(page + " shows English: " + message);
        }
      }
      EnglishWords.onPage(browser).forEach(word -> problems.add(page + " shows English: " + word));
      browser.screenshot((shot++) + page.replaceAll("[^a-z0-9]+", "-"));
    }
    assertEquals(List.of(), problems);
  }
}
