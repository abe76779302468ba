package org.fabrique.bench.journey;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.user.User;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;
import org.openqa.selenium.TimeoutException;

/**
 * The focused journey view of a 100,000-intervention inquiry, served over HTTP on loopback from the
 * embedded SQLite store: {@code GET /api/cases/ID/journey?focus=ID&depth=2} (the page's first
 * request when a focus is known), the default view (no focus: the server picks one), and an
 * expansion ({@code depth=1} around a border node); then the journey page drawn by headless
 * Chromium ({@link BrowserRendering}), focused and whole. The graph is the "local" one of {@link
 * JourneyBenchmark}: 41 layers of 2,500 data objects, each intervention using two objects of the
 * layer before and generating one.
 *
 * <p>Run: {@code ./mvnw -q -pl fabrique-bench -am package -DskipTests && java -Xmx2g -cp
 * fabrique-bench/target/fabrique-bench.jar org.fabrique.bench.journey.FocusedViewBenchmark [work
 * dir]}
 */
public final class FocusedViewBenchmark {
  private static final int REQUESTS = 300;
  private static final int RENDERINGS = 10;

  private FocusedViewBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("fabrique-bench");
    long seed = Long.getLong("fabrique.seed", 42L);
    System.out.println("Focused view benchmark, seed " + seed + ", work dir " + work);
    System.out.println(
        "Java "
            + System.getProperty("java.version")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    try (Workbench workbench = Workbench.embedded(work.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      User user = fabrique.users().defaultUser();
      Inquiry inquiry = fabrique.inquiries().create("Focused view", "");
      Case theCase =
          fabrique.inquiries().createCase(inquiry.id(), user.id(), "Graph", Domain.OTHER, "");
      long t0 = System.nanoTime();
      ElementId[][] objects =
          JourneyBenchmark.build(fabrique, inquiry, theCase, user, new Random(seed), "local");
      System.out.printf(
          Locale.ROOT,
          "wrote %,d interventions and %,d data objects in %.1f s%n",
          JourneyBenchmark.WIDTH * JourneyBenchmark.LAYERS,
          JourneyBenchmark.WIDTH * (JourneyBenchmark.LAYERS + 1),
          (System.nanoTime() - t0) / 1e9);
      Javalin app = WebApp.create(fabrique, WebConfig.defaults(work.resolve("data")));
      app.start("127.0.0.1", 0);
      try {
        HttpClient client = HttpClient.newBuilder().build();
        String base = "http://127.0.0.1:" + app.port() + "/api/cases/" + theCase.id() + "/journey";
        Random random = new Random(seed + 1);
        IntFunction<ElementId> someObject =
            i ->
                objects[1 + random.nextInt(JourneyBenchmark.LAYERS - 1)][
                    random.nextInt(JourneyBenchmark.WIDTH)];
        long cold = System.nanoTime();
        int coldBytes = get(client, base + "?focus=" + objects[20][1_000] + "&depth=2").length();
        System.out.printf(
            Locale.ROOT,
            "first focused view (builds the lineage index): %.0f ms, %,d bytes%n",
            (System.nanoTime() - cold) / 1e6,
            coldBytes);
        measure(
            "focused view, a data object, depth 2",
            client,
            i -> base + "?focus=" + someObject.apply(i) + "&depth=2");
        ElementId[] interventions = new ElementId[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
          interventions[i] =
              fabrique.lineage().upstream(someObject.apply(i), 1).nodes().get(0).id();
        }
        measure(
            "focused view, an intervention, depth 2",
            client,
            i -> base + "?focus=" + interventions[i % REQUESTS] + "&depth=2");
        measure(
            "expansion of a node, depth 1",
            client,
            i -> base + "?focus=" + someObject.apply(i) + "&depth=1");
        measure("default view (the server picks the focus)", client, i -> base);
        measure(
            "journey page (HTML), served",
            client,
            i -> "http://127.0.0.1:" + app.port() + "/cases/" + theCase.id() + "/journey");
        if (BrowserRendering.available()) {
          render(
              "http://127.0.0.1:" + app.port() + "/cases/" + theCase.id() + "/journey",
              work.resolve("chromium-profile"));
        } else {
          System.out.println("no Chromium at /usr/bin/chromium: browser rendering not measured");
        }
      } finally {
        app.stop();
      }
    }
  }

  /**
   * The journey page in headless Chromium: one visit to warm up, then {@link #RENDERINGS} timed
   * from navigation to the focused graph drawn; then the whole graph on request, once.
   */
  private static void render(String page, Path profile) {
    Duration patience = Duration.ofMinutes(3);
    try (BrowserRendering browser = new BrowserRendering(profile)) {
      try {
        browser.open(page, patience);
        BrowserRendering.Rendering[] runs = new BrowserRendering.Rendering[RENDERINGS];
        for (int i = 0; i < RENDERINGS; i++) {
          runs[i] = browser.open(page, patience);
        }
        BrowserRendering.print("journey page in Chromium, navigation to focused graph drawn", runs);
      } catch (TimeoutException e) {
        System.out.println("journey page in Chromium: focused graph not drawn within " + patience);
        return;
      }
      try {
        BrowserRendering.print(
            "whole graph on request in Chromium, click to drawn",
            new BrowserRendering.Rendering[] {browser.whole(patience)});
      } catch (TimeoutException e) {
        System.out.println("whole graph on request in Chromium: not drawn within " + patience);
      }
    }
  }

  private static String get(HttpClient client, String url) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Accept", url.contains("/api/") ? "application/json" : "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static void measure(String name, HttpClient client, IntFunction<String> url)
      throws Exception {
    for (int i = 0; i < 30; i++) {
      get(client, url.apply(i));
    }
    long[] times = new long[REQUESTS];
    long bytes = 0;
    long nodes = 0;
    for (int i = 0; i < REQUESTS; i++) {
      String target = url.apply(i);
      long start = System.nanoTime();
      String body = get(client, target);
      times[i] = System.nanoTime() - start;
      bytes += body.length();
      nodes += body.split("\"border\"", -1).length - 1;
    }
    Arrays.sort(times);
    System.out.printf(
        Locale.ROOT,
        "%s: %d requests, mean %,d nodes and %,d bytes, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
        name,
        REQUESTS,
        nodes / REQUESTS,
        bytes / REQUESTS,
        times[REQUESTS / 2] / 1e6,
        times[REQUESTS * 95 / 100] / 1e6,
        times[REQUESTS - 1] / 1e6);
  }
}
