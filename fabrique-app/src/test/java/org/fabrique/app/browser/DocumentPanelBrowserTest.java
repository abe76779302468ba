package org.fabrique.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.CodingService;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Where the code panel of a document stands and what the page says after an undo, in headless
 * Chromium at 1400 and 768 pixels, in French and English: beside the text on a wide screen (no
 * drawer button), a drawer on a narrow one; the header's undo and redo buttons, however long the
 * action they name, never overlap each other or the status; the undo is confirmed where it can be
 * seen, also over the open drawer; the panel's own status says what was undone instead of the
 * coding before. Screenshots are kept under {@code fabrique-app/target/browser-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentPanelBrowserTest {
  private static final String TEXT =
      "Enquêtrice : Que devient le consentement ?\n\n"
          + "Participante : J'ai retiré mon consentement l'an dernier, par une simple lettre.\n";
  private static final String CODE = "Consent withdrawal by letter or by e-mail";

  @TempDir static Path dir;
  private BrowserFlow flow;
  private BrowserSession browser;
  private Source source;

  @BeforeAll
  void start() {
    flow = new BrowserFlow(dir);
  }

  /** Each run (a width and a language) has an inquiry of its own. */
  @BeforeEach
  void data() throws Exception {
    Fabrique fabrique = flow.fabrique();
    Inquiry inquiry = fabrique.inquiries().create("Consentement", "");
    source = flow.interview(inquiry, TEXT);
    fabrique.coding().createCode(inquiry.id(), flow.me().id(), CodingService.NewCode.named(CODE));
  }

  @AfterAll
  void stop() {
    if (flow != null) {
      flow.close();
    }
  }

  /** The box of the first element matching a selector: left, top, right, bottom, in pixels. */
  @SuppressWarnings("unchecked")
  private Map<String, Number> box(String selector) {
    return (Map<String, Number>)
        browser.script(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};",
            selector);
  }

  private static boolean overlap(Map<String, Number> a, Map<String, Number> b) {
    return a.get("left").doubleValue() < b.get("right").doubleValue() - 0.5
        && b.get("left").doubleValue() < a.get("right").doubleValue() - 0.5
        && a.get("top").doubleValue() < b.get("bottom").doubleValue() - 0.5
        && b.get("top").doubleValue() < a.get("bottom").doubleValue() - 0.5;
  }

  /** Whether an element shows on screen, on top of whatever lies at its centre. */
  private boolean seen(String selector) {
    return (Boolean)
        browser.script(
            "const el = document.querySelector(arguments[0]); const r = el.getBoundingClientRect();"
                + " if (r.width < 1 || r.height < 1) return false;"
                + " const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;"
                + " if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;"
                + " const top = document.elementFromPoint(x, y);"
                + " return top === el || el.contains(top);",
            selector);
  }

  @ParameterizedTest(name = "{0} px, {1}")
  @MethodSource(BrowserFlow.PAIRS)
  void thePanelStandsBesideTheTextOrInADrawerAndUndoIsSaidWhereItIsSeen(int width, String lang) {
    boolean french = lang.equals("fr");
    browser = flow.open("panel", width, lang, "/sources/" + source.id().value());
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#doc [data-s]")).isEmpty());

    // Where the panel stands.
    boolean toggleShown =
        browser.driver.findElement(By.cssSelector("[data-panel-toggle]")).isDisplayed();
    String position =
        (String)
            browser.script(
                "return getComputedStyle(document.getElementById('code-panel')).position;");
    if (width >= 1400) {
      assertFalse(toggleShown, "no drawer button on a wide screen");
      assertTrue(
          box("#code-panel").get("left").doubleValue() >= box("#doc").get("right").doubleValue(),
          "the panel is beside the text: " + box("#code-panel") + " / " + box("#doc"));
      assertTrue(
          box("#code-panel").get("top").doubleValue() < box("#doc").get("bottom").doubleValue(),
          "the panel is not below the text");
    } else {
      assertTrue(toggleShown, "a button opens the drawer");
      assertEquals("fixed", position, "the panel is a drawer");
    }
    browser.screenshot("1-open");

    // Code a passage from the page: the panel says so.
    browser.selectInDocument("retiré mon consentement");
    browser.keys(Keys.ENTER);
    browser.waiting().until(d -> d.switchTo().activeElement().getAttribute("data-quick") != null);
    browser.keys("withdrawal");
    browser.keys(Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#doc .coded")).isEmpty());
    String coded = (french ? "Codé avec " : "Coded with ") + CODE + ".";
    browser.waiting().until(d -> coded.equals(browser.text("[data-status]")));

    // Ctrl+Z: the coding goes; the header and the panel both say what was undone.
    browser.script("document.getElementById('doc').focus();");
    new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
    browser.waiting().until(d -> d.findElements(By.cssSelector("#doc .coded")).isEmpty());
    String undid = french ? "Annulé : " : "Undid: ";
    browser
        .waiting()
        .until(
            d ->
                ((String)
                        browser.script(
                            "return document.querySelector('[data-history-status]')"
                                + ".textContent;"))
                    .startsWith(undid));
    // The confirmation is seen: in the header on a wide screen, over the drawer on a narrow one
    // (there for a few seconds).
    assertTrue(seen("[data-history-status]"), "the undo is confirmed where it can be seen");
    String said =
        (String) browser.script("return document.querySelector('[data-history-status]').title;");
    browser.waiting().until(d -> said.equals(browser.text("[data-status]")));
    assertFalse(browser.text("[data-status]").contains(coded));
    // The buttons name the long actions (in their titles at least).
    browser
        .waiting()
        .until(
            d ->
                d.findElement(By.cssSelector("[data-undo]")).getAttribute("title").contains(CODE)
                    && d.findElement(By.cssSelector("[data-redo]"))
                        .getAttribute("title")
                        .contains(CODE));
    browser.screenshot("2-undone");

    // Nothing of the header overlaps; each button stays within its own form.
    List<String> parts = List.of("[data-undo]", "[data-redo]", "[data-history-status]");
    for (int i = 0; i < parts.size(); i++) {
      for (int j = i + 1; j < parts.size(); j++) {
        if (width < 1400 && parts.get(j).equals("[data-history-status]")) {
          continue; // a note at the foot of the screen there, checked below
        }
        assertFalse(
            overlap(box(parts.get(i)), box(parts.get(j))),
            parts.get(i)
                + " "
                + box(parts.get(i))
                + " overlaps "
                + parts.get(j)
                + " "
                + box(parts.get(j)));
      }
    }
    for (String button : List.of("[data-undo]", "[data-redo]")) {
      double right = box(button).get("right").doubleValue();
      double formRight =
          ((Number)
                  browser.script(
                      "return document.querySelector(arguments[0]).form"
                          + ".getBoundingClientRect().right;",
                      button))
              .doubleValue();
      assertTrue(right <= formRight + 0.5, button + " stays within its form");
    }
  }
}
