package org.fabrique.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The charts of the analysis pages in headless Chromium, at 1400 and 768 pixels, with forty codes
 * (some with long names): the heatmap grows with its rows, no text or mark of a chart lies outside
 * its picture (long labels are cut, with the whole name on hover), and the PNG is the SVG painted
 * at twice its size. Screenshots are kept under {@code fabrique-app/target/browser-screenshots/}.
 */
class ChartsBrowserTest {
  private static final int CODES = 40;

  /** For each chart, its size and how many of its drawn elements lie outside it. */
  private static final String MEASURE =
      "const out = {};"
          + "document.querySelectorAll('.chart svg').forEach(svg => {"
          + "  const box = svg.getBoundingClientRect(); let outside = 0, drawn = 0;"
          + "  svg.querySelectorAll('text,path,circle').forEach(e => {"
          + "    const b = e.getBoundingClientRect(); if (b.width === 0 && b.height === 0) return;"
          + "    drawn++; if (b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1"
          + "      || b.bottom > box.bottom + 1) outside++; });"
          + "  out[svg.closest('.chart').id] = {width: box.width, height: box.height, outside, drawn};"
          + "}); return out;";

  @TempDir Path dir;
  private BrowserFlow flow;
  private Inquiry inquiry;

  @BeforeEach
  void start() throws Exception {
    flow = new BrowserFlow(dir);
    Fabrique fabrique = flow.fabrique();
    User me = flow.me();
    inquiry = fabrique.inquiries().create("Entrepôts", "");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < CODES; i++) {
      text.append("Passage numéro ").append(i).append(" de l'entretien.\n");
    }
    Path file = dir.resolve("entretien.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Source source =
        fabrique
            .corpus()
            .importFile(inquiry.id(), me.id(), ImportRequest.of("entretien.txt", file));
    String all = text.toString();
    Code previous = null;
    for (int i = 0; i < CODES; i++) {
      String name =
          i % 7 == 0
              ? "Code "
                  + i
                  + " au nom très long qui parle du consentement et de l'accès aux données"
              : "Code " + i;
      Code code =
          fabrique.coding().createCode(inquiry.id(), me.id(), CodingService.NewCode.named(name));
      int at = all.indexOf("numéro " + i + " ");
      fabrique.coding().code(me.id(), source.id(), at, at + 12, code.id());
      if (previous != null) {
        // Each passage also carries the previous code: the network has edges.
        fabrique.coding().code(me.id(), source.id(), at, at + 12, previous.id());
      }
      previous = code;
    }
  }

  @AfterEach
  void stop() {
    if (flow != null) {
      flow.close();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Number>> measure(BrowserSession browser) {
    browser.waiting().until(d -> !((Map<String, Object>) browser.script(MEASURE)).isEmpty());
    return (Map<String, Map<String, Number>>) browser.script(MEASURE);
  }

  @SuppressWarnings("unchecked")
  @ParameterizedTest(name = "{0} px, {1}")
  @CsvSource({"1400, fr", "768, en"})
  void chartsAreSizedToTheirDataAndTheirPicturesHoldEverything(int width, String lang) {
    String base = "/inquiries/" + inquiry.id().value() + "/analysis/";
    BrowserSession browser = flow.open("charts", width, lang, base + "matrix?cols=sources");
    Map<String, Map<String, Number>> matrix = measure(browser);
    browser.screenshot("1-matrix");
    assertTrue(
        matrix.get("chart").get("height").doubleValue() > CODES * 20,
        "the heatmap grows with its rows: " + matrix);
    assertTrue(matrix.get("bars").get("height").doubleValue() > CODES * 20, matrix.toString());
    for (String chart : List.of("chart", "bars")) {
      assertEquals(0, matrix.get(chart).get("outside").intValue(), chart + ": " + matrix);
    }

    browser.go(flow.base() + base + "cooccurrence");
    Map<String, Map<String, Number>> network = measure(browser);
    browser.screenshot("2-network");
    assertEquals(0, network.get("chart").get("outside").intValue(), network.toString());
    assertTrue(network.get("chart").get("drawn").intValue() > CODES, network.toString());

    // The PNG is the SVG painted at twice its size.
    List<Number> png =
        (List<Number>)
            ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "window.FabriqueCharts.pngOf('chart').then(url => {"
                        + " const picture = new Image();"
                        + " picture.onload = () => done([picture.width, picture.height]);"
                        + " picture.src = url; });");
    assertEquals(2 * network.get("chart").get("width").intValue(), png.get(0).intValue(), "" + png);
    assertEquals(
        2 * network.get("chart").get("height").intValue(), png.get(1).intValue(), "" + png);
  }
}
