package org.fabrique.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium at a width and in a language, for the browser tests of a flow; screenshots are
 * kept under {@code target/browser-screenshots/} as test artefacts.
 */
final class BrowserSession implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  final WebDriver driver;
  private String name;

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
  }

  /**
   * @param name the flow, the width and the language, prefixed to the screenshots' file names
   */
  BrowserSession(String name, int width, String lang, Path profile) {
    this.name = name;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=" + lang,
        "--window-size=" + width + ",1000",
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", lang));
    driver =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
            options);
  }

  /**
   * The same browser for another flow, width or language: its screenshots named {@code name}, its
   * window {@code width} pixels wide inside (the page's media queries see that width).
   */
  void as(String newName, int width) {
    this.name = newName;
    driver.manage().window().setSize(new Dimension(width, 1000));
    long inner = (Long) script("return window.innerWidth;");
    if (inner != width) {
      driver.manage().window().setSize(new Dimension(width + (int) (width - inner), 1000));
    }
  }

  /**
   * Waits until a condition holds; an element replaced meanwhile (the page follows the history and
   * redraws its panels) is looked up again at the next try.
   */
  WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(45));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  Object script(String code, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(code, args);
  }

  /** Presses keys, as a user would in the focused element. */
  void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** What is selected in the page. */
  String selected() {
    return (String) script("return window.getSelection().toString();");
  }

  /**
   * Selects a passage of the document view, as a reader would, and waits for the panel to see it.
   */
  void selectInDocument(String passage) {
    script(
        "const passage = arguments[0];"
            + "const walker = document.createTreeWalker(document.getElementById('doc'),"
            + " NodeFilter.SHOW_TEXT);"
            + "let node; while ((node = walker.nextNode()) && !node.data.includes(passage)) {}"
            + "const at = node.data.indexOf(passage); const range = document.createRange();"
            + "range.setStart(node, at); range.setEnd(node, at + passage.length);"
            + "const selection = window.getSelection(); selection.removeAllRanges();"
            + " selection.addRange(range); document.getElementById('doc').focus();",
        passage);
    waiting()
        .until(
            d ->
                d.findElement(By.cssSelector("[data-selection]"))
                    .getAttribute("class")
                    .contains("has-selection"));
  }

  /** The visible text of the first element matching a selector, "" when there is none. */
  String text(String selector) {
    return (String)
        script(
            "const el = document.querySelector(arguments[0]); return el ? el.innerText : '';",
            selector);
  }

  /** Opens a page of the app and waits until it is loaded. */
  void go(String url) {
    driver.get(url);
    waiting().until(d -> "complete".equals(script("return document.readyState;")));
  }

  /** Saves what the browser shows now as {@code <name>-<step>.png}. */
  void screenshot(String step) {
    try {
      Files.createDirectories(SCREENSHOTS);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(name + "-" + step + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
