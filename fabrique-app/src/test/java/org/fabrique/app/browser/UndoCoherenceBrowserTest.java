package org.fabrique.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Source;
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
 * Undo coherence in headless Chromium, at 1400 and 768 pixels, in English and French: a code
 * created and applied from the document, then undone with Ctrl+Z, leaves the code panel, the counts
 * and the text without reloading the page; a change by another coder shows up by itself; a memo
 * written on a passage is said saved and shown on the document. Screenshots are kept under {@code
 * fabrique-app/target/browser-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UndoCoherenceBrowserTest {
  private static final String TEXT =
      "Enquêtrice : Comment le comité décide-t-il ?\n\n"
          + "Responsable : Le comité d'accès se réunit chaque mois et refuse parfois.\n\n"
          + "Enquêtrice : Et les patients ?\n\n"
          + "Responsable : Ils sont informés par une note.\n";

  @TempDir static Path dir;
  private BrowserFlow flow;
  private BrowserSession browser;
  private Inquiry inquiry;
  private Source source;

  @BeforeAll
  void start() {
    flow = new BrowserFlow(dir);
  }

  /** Each run (a width and a language) has an inquiry of its own. */
  @BeforeEach
  void data() throws Exception {
    Fabrique fabrique = flow.fabrique();
    inquiry = fabrique.inquiries().create("Entrepôts", "");
    source = flow.interview(inquiry, TEXT);
    fabrique
        .coding()
        .createCode(inquiry.id(), flow.me().id(), CodingService.NewCode.named("Consent"));
  }

  @AfterAll
  void stop() {
    if (flow != null) {
      flow.close();
    }
  }

  private void select(String passage) {
    browser.selectInDocument(passage);
  }

  /** The codes of the panel, read in one step (the panel is redrawn when the inquiry changes). */
  @SuppressWarnings("unchecked")
  private List<String> panelCodes() {
    return (List<String>)
        browser.script(
            "return Array.from(document.querySelectorAll('#code-list .code-option'))"
                + ".map(li => li.dataset.name);");
  }

  private void pressUndo() {
    browser.script("document.getElementById('doc').focus();");
    new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
  }

  @ParameterizedTest(name = "{0} px, {1}")
  @MethodSource(BrowserFlow.PAIRS)
  void undoAndOtherCodersKeepTheDocumentCoherentWithoutReloading(int width, String lang)
      throws Exception {
    browser = flow.open("undo", width, lang, "/sources/" + source.id().value());
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#doc [data-s]")).isEmpty());
    browser.script("window.__samePage = true;");
    browser.screenshot("1-open");

    // Create a code from the quick-code field and apply it to the selected passage.
    select("comité d'accès");
    WebElement quick = browser.driver.findElement(By.cssSelector("[data-quick]"));
    quick.sendKeys("Refusal");
    new Actions(browser.driver)
        .keyDown(Keys.SHIFT)
        .sendKeys(Keys.ENTER)
        .keyUp(Keys.SHIFT)
        .perform();
    browser.waiting().until(d -> panelCodes().contains("Refusal"));
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#doc .coded")).isEmpty());
    browser
        .waiting()
        .until(
            d ->
                d.findElement(By.cssSelector("[data-undo]"))
                    .getAttribute("title")
                    .contains("Refusal"));
    browser.screenshot("2-coded");

    // Ctrl+Z twice: the coding, then the code; the panel and the text follow, no reload.
    pressUndo();
    browser.waiting().until(d -> d.findElements(By.cssSelector("#doc .coded")).isEmpty());
    pressUndo();
    browser.waiting().until(d -> !panelCodes().contains("Refusal"));
    assertEquals(List.of("Consent"), panelCodes());
    assertEquals(Boolean.TRUE, browser.script("return window.__samePage === true;"));
    assertEquals(List.of(), flow.fabrique().coding().spans(source.id(), 0, source.length()));
    String redoTitle =
        browser.driver.findElement(By.cssSelector("[data-redo]")).getAttribute("title");
    assertTrue(redoTitle.contains("Refusal"), "redo names what it would redo: " + redoTitle);
    browser.screenshot("3-undone");

    // The digit of a code that is gone applies nothing: digits follow the panel.
    select("chaque mois");
    new Actions(browser.driver).sendKeys("2").perform();
    Thread.sleep(500);
    assertEquals(List.of(), flow.fabrique().coding().spans(source.id(), 0, source.length()));

    // Another coder codes a passage: the page shows it by itself.
    User other = flow.fabrique().users().ensure("ben", "Ben");
    Code theirs =
        flow.fabrique()
            .coding()
            .createCode(inquiry.id(), other.id(), CodingService.NewCode.named("Information"));
    flow.fabrique()
        .coding()
        .code(
            other.id(),
            source.id(),
            TEXT.indexOf("informés"),
            TEXT.indexOf("informés") + 8,
            theirs.id());
    browser.waiting().until(d -> panelCodes().contains("Information"));
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#doc .coded")).isEmpty());
    assertEquals(Boolean.TRUE, browser.script("return window.__samePage === true;"));

    // A memo on that passage: said saved, and shown on the document.
    browser.script(
        "window.getSelection().removeAllRanges(); document.querySelector('#doc .coded').click();");
    browser.waiting().until(d -> d.findElement(By.cssSelector("[data-details]")).isDisplayed());
    // Opened, not toggled, and looked up again if the panel is redrawn meanwhile.
    browser
        .waiting()
        .ignoring(ElementNotInteractableException.class)
        .until(
            d -> {
              browser.script("document.querySelector('[data-details] .segment-memo').open = true;");
              WebElement memo =
                  d.findElement(By.cssSelector("[data-details] .segment-memo textarea"));
              memo.clear();
              memo.sendKeys("Note lue par tous.");
              d.findElement(By.cssSelector("[data-details] .segment-memo button[type=submit]"))
                  .click();
              return true;
            });
    browser.waiting().until(d -> browser.text("#doc-memos").contains("Note lue par tous."));
    String status = browser.text("[data-status]");
    assertEquals(lang.equals("fr") ? "Mémo enregistré." : "Memo saved.", status);
    browser.screenshot("4-memo");
  }
}
