package org.fabrique.app.journey;

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
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.user.User;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journey editor in headless Chromium: create an intervention with the form, attach evidence
 * from a selection in the document view, see the intervention on the graph. Skipped when Chromium
 * and its driver are not installed ({@code apt-get install -y chromium chromium-driver}).
 */
class JourneyEditorEndToEndTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path data;

  @Test
  void anInterventionCreatedInTheEditorGetsEvidenceFromASelectionAndShowsOnTheGraph()
      throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "no Chromium here");
    try (Workbench workbench = Workbench.embedded(data)) {
      Fabrique fabrique = workbench.fabrique();
      User user = fabrique.users().defaultUser();
      Inquiry inquiry = fabrique.inquiries().create("Editor", "");
      Case theCase =
          fabrique.inquiries().createCase(inquiry.id(), user.id(), "Cohort", Domain.COHORT, "");
      Path note = data.resolve("note.txt");
      Files.writeString(
          note,
          "Field note. The data manager said: we keep the year of birth only.\n",
          StandardCharsets.UTF_8);
      Source source =
          fabrique.corpus().importFile(inquiry.id(), user.id(), ImportRequest.of("note.txt", note));
      for (String label : List.of("Raw extract", "Pseudonymised extract")) {
        fabrique
            .journeys()
            .create(
                user.id(),
                DataObject.of(
                    ElementHeader.of(
                        fabrique.journeys().newId(), inquiry.id(), theCase.id(), label),
                    DataObjectType.DATASET));
      }
      Javalin app = WebApp.create(fabrique, WebConfig.defaults(data));
      app.start("127.0.0.1", 0);
      String base = "http://127.0.0.1:" + app.port();
      WebDriver driver = chrome();
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // 1. create an intervention with the form
        driver.get(base + "/cases/" + theCase.id() + "/journey");
        WebElement form = driver.findElement(By.cssSelector("[data-add=intervention]"));
        form.findElement(By.name("label")).sendKeys("Pseudonymisation by the CHU");
        new Select(form.findElement(By.name("type"))).selectByValue("pseudonymisation");
        new Select(form.findElement(By.name("inputs"))).selectByVisibleText("Raw extract");
        new Select(form.findElement(By.name("outputs")))
            .selectByVisibleText("Pseudonymised extract");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("notice=saved"));
        Intervention intervention =
            fabrique.journeys().list(inquiry.id(), Intervention.class).get(0);
        assertEquals("Pseudonymisation by the CHU", intervention.label());

        // 2. select a passage in the document view and use it as evidence for the intervention
        driver.get(base + "/sources/" + source.id());
        wait.until(d -> !d.findElements(By.cssSelector("#doc [data-s]")).isEmpty());
        Select target = new Select(driver.findElement(By.cssSelector("[data-evidence-target]")));
        wait.until(d -> !target.getOptions().isEmpty());
        target.selectByVisibleText("Pseudonymisation by the CHU");
        Object selected =
            ((JavascriptExecutor) driver)
                .executeScript(
                    """
                    const doc = document.getElementById('doc');
                    const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
                    let node;
                    while ((node = walker.nextNode())) {
                      const at = node.data.indexOf('year of birth');
                      if (at >= 0) {
                        const range = document.createRange();
                        range.setStart(node, at);
                        range.setEnd(node, at + 'year of birth'.length);
                        const selection = window.getSelection();
                        selection.removeAllRanges();
                        selection.addRange(range);
                        return true;
                      }
                    }
                    return false;""");
        assertEquals(Boolean.TRUE, selected);
        WebElement use = driver.findElement(By.cssSelector("[data-evidence-use]"));
        wait.until(d -> use.isEnabled());
        use.click();
        wait.until(
            d ->
                d.findElement(By.cssSelector("[data-evidence-status]"))
                        .getDomAttribute("data-evidence-id")
                    != null);
        List<Evidence> evidence = fabrique.journeys().evidenceOf(intervention.id());
        assertEquals(1, evidence.size());
        assertEquals("year of birth", evidence.get(0).quote());

        // 3. the intervention is on the graph, and its page shows the quote
        driver.get(base + "/cases/" + theCase.id() + "/journey");
        wait.until(
            d ->
                "true".equals(d.findElement(By.id("journey-graph")).getDomAttribute("data-ready")));
        Object nodes =
            ((JavascriptExecutor) driver)
                .executeScript("return window.fabriqueJourneyGraph.nodes().length;");
        assertEquals(3L, nodes);
        List<String> labels =
            driver.findElements(By.cssSelector("[data-graph-nodes] li")).stream()
                .map(li -> li.getDomProperty("textContent"))
                .toList();
        assertTrue(labels.contains("Pseudonymisation by the CHU"), labels.toString());
        driver.get(base + "/journey/elements/" + intervention.id());
        assertTrue(
            driver
                .findElement(By.cssSelector("[data-evidence-list]"))
                .getText()
                .contains("year of birth"));
      } finally {
        driver.quit();
        app.stop();
      }
    }
  }

  private static WebDriver chrome() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
    // the driver installed with Chromium, not one Selenium Manager would download
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    return new ChromeDriver(options);
  }
}
