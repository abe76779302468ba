package org.fabrique.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabrique.core.inquiry.Inquiry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * First use, in headless Chromium at 1400 and 768 pixels, in French and English: an empty workbench
 * says what to do first; the reader creates an inquiry, imports a transcript from the sources page,
 * opens it and codes a passage with a code created on the spot. In French, no page of the way shows
 * English. Screenshots are kept under {@code fabrique-app/target/browser-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstUseBrowserTest {
  private static final String TEXT =
      "Enquêtrice : Qui décide de l'accès aux données ?\n\n"
          + "Responsable : Le comité d'accès, après avis du délégué à la protection des données.\n";

  @TempDir static Path dir;
  private BrowserFlow flow;

  @BeforeAll
  void start() {
    flow = new BrowserFlow(dir);
  }

  /** Each run starts from an empty workbench, in the same browser. */
  @BeforeEach
  void empty() {
    if (!flow.fabrique().inquiries().list().isEmpty()) {
      flow.emptyWorkbench();
    }
  }

  @AfterAll
  void stop() {
    if (flow != null) {
      flow.close();
    }
  }

  @ParameterizedTest(name = "{0} px, {1}")
  @MethodSource(BrowserFlow.PAIRS)
  void fromAnEmptyWorkbenchToAFirstCodedPassage(int width, String lang) throws Exception {
    BrowserSession browser = flow.open("first-use", width, lang, "/");
    List<String> english = new ArrayList<>();
    browser.waiting().until(d -> !d.findElements(By.cssSelector(".empty-state")).isEmpty());
    EnglishWords.note(browser, lang, english);
    browser.screenshot("1-empty");

    // Create the inquiry from the home page's form.
    WebElement create = browser.driver.findElement(By.cssSelector("form[action='/inquiries']"));
    create.findElement(By.name("name")).sendKeys("Entrepôts de santé");
    create.findElement(By.cssSelector("button[type=submit]")).click();
    browser.waiting().until(d -> d.getCurrentUrl().matches(".*/inquiries/\\d+.*"));
    Inquiry inquiry = flow.fabrique().inquiries().list().get(0);
    EnglishWords.note(browser, lang, english);
    browser.screenshot("2-inquiry");

    // Import a transcript from the sources page; the report offers to open it.
    browser.go(flow.base() + "/inquiries/" + inquiry.id().value() + "/sources");
    EnglishWords.note(browser, lang, english);
    Path file = dir.resolve("entretien-comite.txt");
    Files.writeString(file, TEXT, StandardCharsets.UTF_8);
    WebElement form = browser.driver.findElement(By.cssSelector("form.import-form"));
    form.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
    form.findElement(By.cssSelector("button[type=submit]")).click();
    browser
        .waiting()
        .until(
            d -> !d.findElements(By.cssSelector("[data-report] a[href^='/sources/']")).isEmpty());
    EnglishWords.note(browser, lang, english);
    browser.screenshot("3-imported");
    browser.driver.findElement(By.cssSelector("[data-report] a[href^='/sources/']")).click();

    // Code a passage with a code created from the quick-code field.
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#doc [data-s]")).isEmpty());
    EnglishWords.note(browser, lang, english);
    browser.selectInDocument("comité d'accès");
    browser.driver.findElement(By.cssSelector("[data-quick]")).sendKeys("Gouvernance");
    new Actions(browser.driver)
        .keyDown(Keys.SHIFT)
        .sendKeys(Keys.ENTER)
        .keyUp(Keys.SHIFT)
        .perform();
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#doc .coded")).isEmpty());
    var source = flow.fabrique().corpus().list(inquiry.id()).get(0);
    assertEquals(1, flow.fabrique().coding().spans(source.id(), 0, source.length()).size());
    assertTrue(browser.text("#code-list").contains("Gouvernance"));
    EnglishWords.note(browser, lang, english);
    browser.screenshot("4-coded");
    assertEquals(List.of(), english);
  }
}
