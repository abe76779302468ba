package org.fabrique.bench.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journey page of a case drawn in a real browser: headless Chromium driven through Selenium, as
 * the browser tests drive it. A rendering is timed from the navigation's start to the moment the
 * page's script marks the graph drawn ({@code data-ready} on {@code #journey-graph}, with {@code
 * data-rendered-at}: {@code performance.now()} when the layout was done), so it includes the page's
 * HTML, the scripts, the graph's JSON request, the dagre layout and Cytoscape's drawing.
 */
final class BrowserRendering implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
  }

  BrowserRendering(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    driver =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
            options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(5));
    driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
  }

  /**
   * One rendering: milliseconds from the navigation's start to the graph drawn, and the page; where
   * the time went: the page's HTML received ({@code html}, server time included), its scripts run
   * ({@code domContentLoaded}), and the graph's JSON request ({@code graphRequest}, its duration).
   */
  record Rendering(
      double millis,
      long nodes,
      long pageBytes,
      double html,
      double domContentLoaded,
      double graphRequest) {}

  /**
   * Opens the page and waits until its graph is drawn.
   *
   * @throws TimeoutException when it is not drawn within the time given
   */
  Rendering open(String url, Duration patience) {
    driver.get("about:blank");
    driver.get(url);
    waitDrawn(patience);
    return rendering(
        Double.parseDouble(
            driver.findElement(By.id("journey-graph")).getDomAttribute("data-rendered-at")));
  }

  /**
   * Asks for the whole graph from the opened page ("Show the whole journey") and waits until it is
   * drawn; the time runs from the click.
   *
   * @throws TimeoutException when it is not drawn within the time given
   */
  Rendering whole(Duration patience) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    double clicked =
        ((Number)
                js.executeScript(
                    "const b = document.querySelector('[data-graph-focus] button');"
                        + "const t = performance.now(); b.click(); return t;"))
            .doubleValue();
    waitDrawn(patience);
    double drawn =
        Double.parseDouble(
            driver.findElement(By.id("journey-graph")).getDomAttribute("data-rendered-at"));
    Rendering whole = rendering(drawn - clicked);
    return new Rendering(
        whole.millis(), whole.nodes(), whole.pageBytes(), -1, -1, whole.graphRequest());
  }

  private void waitDrawn(Duration patience) {
    new WebDriverWait(driver, patience, Duration.ofMillis(20))
        .until(
            d -> {
              Object ready =
                  ((JavascriptExecutor) d)
                      .executeScript(
                          "const g = document.getElementById('journey-graph');"
                              + "return g && g.dataset.ready === 'true' && !!g.dataset.renderedAt;");
              return Boolean.TRUE.equals(ready);
            });
  }

  private Rendering rendering(double millis) {
    @SuppressWarnings("unchecked")
    Map<String, Object> page =
        (Map<String, Object>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "const n = performance.getEntriesByType('navigation')[0];"
                        + "const g = performance.getEntriesByType('resource')"
                        + ".filter(r => r.name.includes('/api/cases/')).pop();"
                        + "return {nodes: window.fabriqueJourneyGraph.nodes().length,"
                        + " bytes: n ? n.decodedBodySize : -1,"
                        + " html: n ? n.responseEnd : -1,"
                        + " dom: n ? n.domContentLoadedEventEnd : -1,"
                        + " graph: g ? g.duration : -1};");
    return new Rendering(
        millis,
        ((Number) page.get("nodes")).longValue(),
        ((Number) page.get("bytes")).longValue(),
        ((Number) page.get("html")).doubleValue(),
        ((Number) page.get("dom")).doubleValue(),
        ((Number) page.get("graph")).doubleValue());
  }

  /** Prints the median, p95 and maximum of renderings. */
  static void print(String name, Rendering[] runs) {
    double[] times = Arrays.stream(runs).mapToDouble(Rendering::millis).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "%s: %d runs, %,d nodes drawn, page %,d bytes, p50 %.0f ms, p95 %.0f ms, max %.0f ms"
            + " (p50 of the parts: HTML received %.0f ms, DOM ready %.0f ms, graph request %.0f"
            + " ms)%n",
        name,
        runs.length,
        runs[0].nodes(),
        runs[0].pageBytes(),
        times[times.length / 2],
        times[(int) Math.ceil(times.length * 0.95) - 1],
        times[times.length - 1],
        median(runs, Rendering::html),
        median(runs, Rendering::domContentLoaded),
        median(runs, Rendering::graphRequest));
  }

  private static double median(
      Rendering[] runs, java.util.function.ToDoubleFunction<Rendering> part) {
    double[] values = Arrays.stream(runs).mapToDouble(part).sorted().toArray();
    return values[values.length / 2];
  }

  @Override
  public void close() {
    driver.quit();
  }
}
