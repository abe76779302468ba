package org.fabrique.bench.corpus;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService.NewCode;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.User;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;

/**
 * The document view of one source of 1,000,000 characters with 10,000 codings, over HTTP on
 * loopback: the page, a window of 20,000 characters with its codings, and the coding round trip
 * (POST a coding, get it back). Targets: document view under 300 ms, coding under 50 ms.
 *
 * <p>Run: {@code java -cp fabrique-bench/target/fabrique-bench.jar
 * org.fabrique.bench.corpus.DocumentViewBenchmark}
 */
public final class DocumentViewBenchmark {
  private DocumentViewBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("fabrique-bench-view");
    long seed = Long.getLong("fabrique.seed", 7L);
    System.out.println("Document view benchmark, seed " + seed);
    try (Workbench workbench = Workbench.embedded(work.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      User user = fabrique.users().defaultUser();
      Inquiry inquiry = fabrique.inquiries().create("Large source", "");
      Path file = work.resolve("large.txt");
      Files.writeString(file, new SyntheticText(seed).prose(1_000_000), StandardCharsets.UTF_8);
      Source source =
          fabrique
              .corpus()
              .importFile(
                  inquiry.id(),
                  user.id(),
                  ImportRequest.of("large.txt", file).withKind(SourceKind.FIELD_NOTE));
      List<Code> codes = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        codes.add(
            fabrique.coding().createCode(inquiry.id(), user.id(), NewCode.named("Code " + i)));
      }
      Random random = new Random(seed);
      for (int i = 0; i < 10_000; i++) {
        int begin = random.nextInt(source.length() - 400);
        fabrique
            .coding()
            .code(
                user.id(),
                source.id(),
                begin,
                begin + 1 + random.nextInt(399),
                codes.get(random.nextInt(codes.size())).id());
      }
      Javalin app = WebApp.create(fabrique, WebConfig.defaults(work.resolve("data")));
      app.start("127.0.0.1", 0);
      try {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + app.port();
        for (int i = 0; i < 20; i++) {
          get(client, base + "/sources/" + source.id());
          get(client, base + "/api/sources/" + source.id() + "/window?from=0&to=20000");
        }
        long[] page = new long[50];
        for (int i = 0; i < page.length; i++) {
          long t = System.nanoTime();
          get(client, base + "/sources/" + source.id());
          page[i] = System.nanoTime() - t;
        }
        CorpusBenchmark.report("Document page of the 1,000,000-character source (HTTP)", page);
        long[] window = new long[200];
        for (int i = 0; i < window.length; i++) {
          int from = random.nextInt(source.length() - 20_000);
          long t = System.nanoTime();
          get(
              client,
              base
                  + "/api/sources/"
                  + source.id()
                  + "/window?from="
                  + from
                  + "&to="
                  + (from + 20_000));
          window[i] = System.nanoTime() - t;
        }
        CorpusBenchmark.report("Window of 20,000 characters with its codings (HTTP)", window);
        long[] coding = new long[500];
        for (int i = 0; i < coding.length; i++) {
          int begin = random.nextInt(source.length() - 400);
          String body =
              "{\"start\":"
                  + begin
                  + ",\"end\":"
                  + (begin + 1 + random.nextInt(399))
                  + ",\"codeId\":"
                  + codes.get(random.nextInt(codes.size())).id().value()
                  + "}";
          long t = System.nanoTime();
          HttpResponse<String> response =
              client.send(
                  HttpRequest.newBuilder(
                          URI.create(base + "/api/sources/" + source.id() + "/codings"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          coding[i] = System.nanoTime() - t;
          if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
            throw new IllegalStateException("Coding failed: " + response.statusCode());
          }
        }
        CorpusBenchmark.report("Coding round trip (HTTP POST, 10,000+ codings)", coding);
      } finally {
        app.stop();
      }
    }
  }

  private static void get(HttpClient client, String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
  }
}
