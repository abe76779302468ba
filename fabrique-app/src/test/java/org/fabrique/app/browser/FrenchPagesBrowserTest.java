package org.fabrique.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fabrique.app.demo.DemoInquiry;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.testing.RefiProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The French page walk, in headless Chromium at 1400 pixels: every page reachable by its links from
 * the demo inquiry (one page for each path, such as {@code /sources/N}, whatever its query), then
 * the data-loss report of a REFI-QDA project imported with warnings, show no English message and no
 * English word of the interface. The demo's material is written in English: the words it uses are
 * not counted on its pages (the import's file is French). Screenshots are kept under {@code
 * fabrique-app/target/browser-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrenchPagesBrowserTest {
  /** Enough for every kind of page, few enough for a short build. */
  private static final int MOST_PAGES = 80;

  /** Links that download a file, leave the app or change something. */
  private static final List<String> NOT_PAGES =
      List.of(
          "/lang/",
          "/static/",
          "/api/",
          "/sign",
          "/logout",
          "download",
          "/export",
          "format=",
          ".csv",
          ".xlsx",
          ".svg",
          ".png",
          ".json",
          ".qdpx",
          ".qdc",
          "/dossier");

  @TempDir static Path dir;
  private BrowserFlow flow;
  private Inquiry demo;

  @BeforeAll
  void start() {
    flow = new BrowserFlow(dir);
    demo = new DemoInquiry(flow.fabrique()).load();
  }

  @AfterAll
  void stop() {
    if (flow != null) {
      flow.close();
    }
  }

  @Test
  void everyPageReachableFromTheDemoInquiryIsFrench() {
    String first = "/inquiries/" + demo.id().value();
    BrowserSession browser = flow.open("french-walk", 1400, "fr", first);
    Set<String> material = demoMaterial();
    Set<String> messages = EnglishWords.englishOnlyMessages();
    Deque<String> toVisit = new ArrayDeque<>(List.of(first));
    Set<String> kinds = new HashSet<>(List.of(kind(first)));
    List<String> visited = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    while (!toVisit.isEmpty() && visited.size() < MOST_PAGES) {
      String page = toVisit.poll();
      browser.go(flow.base() + page);
      visited.add(page);
      problems.addAll(english(browser, page, messages, material));
      browser.screenshot(visited.size() + page.replaceAll("[^a-z0-9]+", "-"));
      @SuppressWarnings("unchecked")
      List<String> links =
          (List<String>)
              browser.script(
                  "return Array.from(document.querySelectorAll('a[href]'))"
                      + ".map(a => a.getAttribute('href'));");
      for (String link : links) {
        String address = link.replaceAll("#.*$", "");
        if (address.startsWith("/")
            && NOT_PAGES.stream().noneMatch(address::contains)
            && kinds.add(kind(address))) {
          toVisit.add(address);
        }
      }
    }
    assertTrue(visited.size() > 25, "the walk reached the inquiry's pages: " + visited);
    assertEquals(List.of(), problems, "pages walked: " + visited);
  }

  @Test
  void theReportOfAProjectImportedWithWarningsIsFrench() throws IOException {
    BrowserSession browser = flow.open("french-report", 1400, "fr", "/");
    Path file = dir.resolve("registre.qdpx");
    Files.write(file, RefiProjects.withWarnings());
    WebElement form =
        browser.driver.findElement(By.cssSelector("form[action='/exchange/projects']"));
    form.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
    form.findElement(By.cssSelector("button[type=submit]")).click();
    // The job's page refreshes itself until the report is there.
    browser.waiting().until(d -> !d.findElements(By.id("report-heading")).isEmpty());
    browser.screenshot("1-report");
    String shown = EnglishWords.shown(browser);
    assertTrue(shown.contains("Modifié") || shown.contains("Non transmis"), shown);
    assertTrue(shown.contains("n’a pas de GUID"), shown);
    assertEquals(
        List.of(),
        english(browser, "/exchange/jobs", EnglishWords.englishOnlyMessages(), Set.of()));
  }

  /** The English on the page the browser shows: whole messages, then words of the interface. */
  private static List<String> english(
      BrowserSession browser, String page, Set<String> messages, Set<String> material) {
    List<String> found = new ArrayList<>();
    String shown = EnglishWords.shown(browser);
    for (String message : messages) {
      if (shown.contains(message)) {
        found.add(page + " shows English: " + message);
      }
    }
    EnglishWords.in(shown, material).forEach(word -> found.add(page + " shows English: " + word));
    return found;
  }

  /** The kind of a page: its path with every number written N (its query aside). */
  private static String kind(String address) {
    return address.replaceAll("\\?.*$", "").replaceAll("\\d+", "N");
  }

  /** The words of the demo's material: its texts and what its code writes into the inquiry. */
  private static Set<String> demoMaterial() {
    Set<String> words = new TreeSet<>();
    for (String folder :
        List.of(
            "src/main/resources/org/fabrique/app/demo", "src/main/java/org/fabrique/app/demo")) {
      try (Stream<Path> files = Files.walk(Path.of(folder))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          words.addAll(EnglishWords.wordsOf(Files.readString(file, StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return words;
  }
}
