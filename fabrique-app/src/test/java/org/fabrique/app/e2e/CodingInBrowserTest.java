package org.fabrique.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.coding.QuotedSpan;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in headless Chromium: import a file through the sources page, select a passage in the
 * document view, code it with the keyboard, reload and find the coding. Skipped when Chromium or
 * its driver is not installed ({@code apt-get install chromium chromium-driver}).
 */
class CodingInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String TEXT =
      "Notes 😀 du 12 mars.\n\nLe comité d'éthique a refusé l'appariement des données.\n";
  private static final String PASSAGE = "comité d'éthique";

  private Path dataDir;
  private Path profile;
  private Workbench workbench;
  private Javalin app;
  private WebDriver driver;

  @BeforeEach
  void start() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Skipped: the end-to-end test needs "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (apt-get install chromium chromium-driver)");
    dataDir = Files.createTempDirectory("fabrique-e2e");
    profile = Files.createTempDirectory("fabrique-e2e-chromium");
    workbench = Workbench.embedded(dataDir);
    app = WebApp.create(workbench.fabrique(), WebConfig.defaults(dataDir));
    app.start("127.0.0.1", 0);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=en",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    // The driver is named by the system property that Selenium reads, so that Selenium Manager
    // never tries to download one.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    driver = new ChromeDriver(options);
  }

  @AfterEach
  void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (app != null) {
      app.stop();
    }
    if (workbench != null) {
      workbench.close();
    }
    for (Path folder : new Path[] {dataDir, profile}) {
      if (folder != null) {
        try (Stream<Path> paths = Files.walk(folder)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(path);
          }
        }
      }
    }
  }

  @Test
  void importSelectCodeReloadAndFindTheCoding() throws IOException {
    Fabrique fabrique = workbench.fabrique();
    Inquiry inquiry = fabrique.inquiries().create("Browser", "");
    Code code =
        fabrique
            .coding()
            .createCode(
                inquiry.id(),
                fabrique.users().defaultUser().id(),
                CodingService.NewCode.named("Ethics committee"));
    Path file = dataDir.resolve("notes-12-mars.txt");
    Files.writeString(file, TEXT, StandardCharsets.UTF_8);
    String base = "http://127.0.0.1:" + app.port();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    JavascriptExecutor js = (JavascriptExecutor) driver;

    // Import through the page: the file goes to a background job whose report links the source.
    driver.get(base + "/inquiries/" + inquiry.id() + "/sources");
    driver.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
    driver.findElement(By.cssSelector(".import-form button[type=submit]")).click();
    WebElement open =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-report] li.ok a[href^='/sources/']")));
    open.click();

    // The helpers that turn DOM positions into code points agree with Java on emoji and marks.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc [data-s]")));
    assertEquals(
        List.of(3L, 1L, 3L, 2L, 4L),
        js.executeScript(
            "const T = window.FabriqueText; return [T.cpLength('a😀b'), T.utf16ToCp('a😀b', 2),"
                + " T.cpToUtf16('a😀b', 2), T.cpLength('q\\u0301'), T.cpLength('👩\\u200d⚕️')];"));

    // Select the passage as a mouse would, then code it with the digit of the first code.
    js.executeScript(
        "const passage = arguments[0];"
            + "const walker = document.createTreeWalker(document.getElementById('doc'), NodeFilter.SHOW_TEXT);"
            + "let node; while ((node = walker.nextNode()) && !node.data.includes(passage)) {}"
            + "const at = node.data.indexOf(passage); const range = document.createRange();"
            + "range.setStart(node, at); range.setEnd(node, at + passage.length);"
            + "const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);",
        PASSAGE);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-selection]"), "16"));
    new Actions(driver).sendKeys("1").perform();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-status]"), "Ethics committee"));

    // After a reload, the coded passage is drawn from what the server kept.
    driver.navigate().refresh();
    WebElement coded =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#doc .coded")));
    assertEquals(PASSAGE, coded.getText());

    List<QuotedSpan> segments = fabrique.coding().segmentsOf(code.id());
    assertEquals(1, segments.size());
    assertEquals(PASSAGE, segments.get(0).quote());
    String text = fabrique.corpus().text(segments.get(0).span().sourceId()).text();
    int expectedStart = text.codePointCount(0, text.indexOf(PASSAGE));
    assertEquals(expectedStart, segments.get(0).span().start(), "positions are code points");
    assertTrue(text.indexOf(PASSAGE) > expectedStart, "the emoji before the passage counts once");
  }
}
