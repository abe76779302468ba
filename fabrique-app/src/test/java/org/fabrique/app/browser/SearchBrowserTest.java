package org.fabrique.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.User;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Search → concordance → open in the document (hits highlighted) → auto-code → undo, in headless
 * Chromium. Skipped when Chromium or its driver is not installed ({@code apt-get install chromium
 * chromium-driver}).
 */
class SearchBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path dir;
  private Workbench workbench;
  private Javalin app;
  private WebDriver browser;
  private Inquiry inquiry;
  private Source source;
  private Code data;
  private String base;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "Chromium is not installed");
    workbench = Workbench.embedded(dir.resolve("data"));
    Fabrique fabrique = workbench.fabrique();
    User coder = fabrique.users().defaultUser();
    inquiry = fabrique.inquiries().create("Registre", "");
    Path file = dir.resolve("entretien.txt");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("Paragraphe ").append(i).append(" sur le suivi des patients.\n");
    }
    text.append("Le comité a refusé l'accès aux données nominatives.\n");
    text.append("Les données pseudonymisées restent à l'hôpital.\n");
    Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    source =
        fabrique
            .corpus()
            .importFile(inquiry.id(), coder.id(), ImportRequest.of("entretien.txt", file));
    data =
        fabrique
            .coding()
            .createCode(inquiry.id(), coder.id(), CodingService.NewCode.named("données"));
    app = WebApp.create(fabrique, WebConfig.defaults(dir.resolve("data")));
    app.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
            options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.stop();
    }
    if (workbench != null) {
      workbench.close();
    }
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  private int codings() {
    return workbench.fabrique().coding().spans(source.id(), 0, source.length()).size();
  }

  @Test
  void searchOpenTheHitAutoCodeAndUndo() {
    browser.get(base + "/inquiries/" + inquiry.id().value() + "/search");
    WebElement query = browser.findElement(By.cssSelector("[data-search-query]"));
    query.sendKeys("donnees");
    query.submit();
    List<WebElement> hits =
        waiting()
            .until(
                d -> {
                  List<WebElement> found = d.findElements(By.cssSelector("[data-kwic-open]"));
                  return found.isEmpty() ? null : found;
                });
    assertEquals(2, hits.size());
    assertEquals("données", hits.get(0).getText());

    String searchPage = browser.getCurrentUrl();
    hits.get(0).click();
    waiting()
        .until(
            d ->
                d.findElement(By.id("doc")).getAttribute("data-search-highlighted") != null
                    && !"0"
                        .equals(
                            d.findElement(By.id("doc")).getAttribute("data-search-highlighted")));
    assertEquals("2", browser.findElement(By.id("doc")).getAttribute("data-search-hits"));
    WebElement hit = browser.findElement(By.id("hit"));
    assertTrue(hit.getText().contains("données"), hit.getText());

    browser.get(searchPage);
    browser.findElement(By.cssSelector(".autocode summary")).click();
    new Select(browser.findElement(By.name("target")))
        .selectByValue(Long.toString(data.id().value()));
    browser.findElement(By.cssSelector("[data-autocode] button[type=submit]")).click();
    waiting().until(d -> d.getCurrentUrl().contains("notice=autocoded"));
    assertEquals(2, codings());

    browser.findElement(By.cssSelector("[data-search-undo]")).click();
    waiting().until(d -> d.getCurrentUrl().contains("notice=undone"));
    assertEquals(0, codings());
  }
}
