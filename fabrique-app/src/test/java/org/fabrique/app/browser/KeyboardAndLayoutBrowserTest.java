package org.fabrique.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.User;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;
import org.fabrique.web.i18n.Lang;
import org.fabrique.web.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Coding by keyboard and the layout of every page, in headless Chromium at 768 and 1400 pixels, in
 * French and English: select with Shift+arrows, pick a code by typing, apply a recent code with its
 * digit, go to the next coding, write a memo on it, open the list of shortcuts; then every page of
 * an inquiry without horizontal scrolling and, in French, without an English message. Screenshots
 * are kept under {@code fabrique-app/target/browser-screenshots/}.
 */
class KeyboardAndLayoutBrowserTest {
  private static final String TEXT =
      "Enquêtrice : Comment le comité décide-t-il ?\n\n"
          + "Responsable : Le comité d'accès se réunit chaque mois et refuse parfois les projets"
          + " qui ne disent pas comment les patients ont été informés de la réutilisation.\n\n"
          + "Enquêtrice : Et les données elles-mêmes ?\n\n"
          + "Responsable : Les identifiants directs sont remplacés par un pseudonyme.\n";

  @TempDir Path dir;
  private Workbench workbench;
  private Javalin app;
  private BrowserSession browser;
  private Inquiry inquiry;
  private Source source;
  private Code consent;
  private String base;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(BrowserSession.available(), "Chromium is not installed");
    workbench = Workbench.embedded(dir.resolve("data"));
    Fabrique fabrique = workbench.fabrique();
    User me = fabrique.users().defaultUser();
    inquiry = fabrique.inquiries().create("Entrepôts de données de santé", "");
    fabrique
        .inquiries()
        .createCase(inquiry.id(), me.id(), "Entrepôt du CHU", Domain.values()[0], "");
    Path file = dir.resolve("entretien.txt");
    Files.writeString(file, TEXT, StandardCharsets.UTF_8);
    source =
        fabrique
            .corpus()
            .importFile(inquiry.id(), me.id(), ImportRequest.of("entretien.txt", file));
    consent =
        fabrique
            .coding()
            .createCode(inquiry.id(), me.id(), CodingService.NewCode.named("Consentement"));
    fabrique
        .coding()
        .createCode(inquiry.id(), me.id(), CodingService.NewCode.named("Pseudonymisation"));
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

  private void keys(CharSequence... keys) {
    new Actions(browser.driver).sendKeys(keys).perform();
  }

  private String selected() {
    return (String) browser.script("return window.getSelection().toString();");
  }

  @ParameterizedTest(name = "{0} px, {1}")
  @CsvSource({"1400, en", "768, fr"})
  void codingByKeyboardThenEveryPageFitsAndSpeaksTheLanguage(int width, String lang) {
    browser =
        new BrowserSession("keyboard-" + width + "-" + lang, width, lang, dir.resolve("profile"));
    browser.driver.get(base + "/lang/" + lang + "?back=/sources/" + source.id().value());
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
        .until(
            d -> workbench.fabrique().coding().spans(source.id(), 0, source.length()).size() == 2);

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
    browser
        .driver
        .findElement(By.cssSelector("[data-details] textarea"))
        .sendKeys("Qui parle ici.");
    browser.driver.findElement(By.cssSelector("[data-details] button[type=submit]")).click();
    browser
        .waiting()
        .until(
            d ->
                workbench.fabrique().memos().list(inquiry.id()).stream()
                    .anyMatch(memo -> memo.body().contains("Qui parle ici.")));
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

    // Every page: no horizontal scrolling; in French, no English message.
    Set<String> english = englishOnlyMessages();
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
            "/sources/" + source.id().value(),
            "/codes/" + consent.id().value());
    List<String> problems = new ArrayList<>();
    int shot = 3;
    for (String page : pages) {
      browser.driver.get(base + page);
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
      if (lang.equals("fr")) {
        String text = (String) browser.script("return document.body.innerText;");
        for (String message : english) {
          if (text.contains(message)) {
            problems.add(page + " shows English: " + message);
          }
        }
      }
      browser.screenshot((shot++) + page.replaceAll("[^a-z0-9]+", "-"));
    }
    assertEquals(List.of(), problems);
  }

  /** Messages whose English differs from the French, long enough to be recognised in a page. */
  private static Set<String> englishOnlyMessages() {
    Messages messages = Messages.load();
    Set<String> english = new TreeSet<>();
    for (String key : messages.keys(Lang.EN)) {
      String en = messages.get(Lang.EN, key);
      if (en.contains("{") || en.split(" ").length < 3 || en.equals(messages.get(Lang.FR, key))) {
        continue;
      }
      english.add(en);
    }
    return english;
  }
}
