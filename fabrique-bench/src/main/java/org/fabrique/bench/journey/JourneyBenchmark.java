package org.fabrique.bench.journey;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.Lineage;
import org.fabrique.core.user.User;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;

/**
 * Lineage queries on 100,000 interventions and OpenLineage ingestion over HTTP on loopback, on the
 * embedded SQLite store.
 *
 * <p>The journey is layered: 41 layers of 2,500 data objects; each of the 100,000 interventions
 * uses two objects of the layer before (near its own position: a "local" graph, whose upstream
 * grows linearly with depth) and generates one object. A second, "wide" inquiry draws inputs from
 * anywhere in the layer before, so that 20 levels upstream reach most of the graph (worst case).
 *
 * <p>Run: {@code ./mvnw -q -pl fabrique-bench -am package -DskipTests && java -cp
 * fabrique-bench/target/fabrique-bench.jar org.fabrique.bench.journey.JourneyBenchmark [work dir
 * [all|lineage|ingest]]}
 */
public final class JourneyBenchmark {
  static final int WIDTH = 2_500;
  static final int LAYERS = 40;
  private static final int QUERIES = 1_000;
  private static final int EVENTS = 10_000;

  private JourneyBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("fabrique-bench");
    String part = args.length > 1 ? args[1] : "all";
    long seed = Long.getLong("fabrique.seed", 42L);
    System.out.println("Journey benchmark, seed " + seed + ", work dir " + work);
    System.out.println(
        "Java "
            + System.getProperty("java.version")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    try (Workbench workbench = Workbench.embedded(work.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      User user = fabrique.users().defaultUser();
      for (String shape : part.equals("ingest") ? List.<String>of() : List.of("local", "wide")) {
        Inquiry inquiry = fabrique.inquiries().create("Lineage " + shape, "");
        Case theCase =
            fabrique.inquiries().createCase(inquiry.id(), user.id(), "Graph", Domain.OTHER, "");
        long t0 = System.nanoTime();
        ElementId[][] objects = build(fabrique, inquiry, theCase, user, new Random(seed), shape);
        System.out.printf(
            Locale.ROOT,
            "%s: wrote %,d interventions and %,d data objects in %.1f s%n",
            shape,
            WIDTH * LAYERS,
            WIDTH * (LAYERS + 1),
            (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        fabrique.lineage().upstream(objects[LAYERS][0], 1);
        System.out.printf(
            Locale.ROOT, "%s: index built in %.0f ms%n", shape, (System.nanoTime() - t1) / 1e6);
        Random random = new Random(seed + 1);
        measure(
            shape + " upstream depth 20",
            QUERIES,
            () ->
                fabrique
                    .lineage()
                    .upstream(objects[LAYERS - random.nextInt(5)][random.nextInt(WIDTH)], 20));
        measure(
            shape + " downstream depth 20",
            QUERIES,
            () ->
                fabrique
                    .lineage()
                    .downstream(objects[random.nextInt(5)][random.nextInt(WIDTH)], 20));
      }
      if (!part.equals("lineage")) {
        ingest(fabrique, work, user);
      }
    }
  }

  static ElementId[][] build(
      Fabrique fabrique, Inquiry inquiry, Case theCase, User user, Random random, String shape) {
    ElementId[][] objects = new ElementId[LAYERS + 1][WIDTH];
    fabrique
        .journeys()
        .batch(
            inquiry.id(),
            user.id(),
            "Layer 0",
            batch -> {
              for (int i = 0; i < WIDTH; i++) {
                objects[0][i] =
                    batch
                        .create(
                            DataObject.of(
                                ElementHeader.of(
                                    batch.newId(), inquiry.id(), theCase.id(), "source " + i),
                                DataObjectType.SOURCE_DATABASE))
                        .id();
              }
              return null;
            });
    for (int layer = 1; layer <= LAYERS; layer++) {
      int current = layer;
      fabrique
          .journeys()
          .batch(
              inquiry.id(),
              user.id(),
              "Layer " + layer,
              batch -> {
                for (int i = 0; i < WIDTH; i++) {
                  DataObject out =
                      batch.create(
                          DataObject.of(
                              ElementHeader.of(
                                  batch.newId(),
                                  inquiry.id(),
                                  theCase.id(),
                                  "d" + current + "." + i),
                              DataObjectType.DATASET));
                  objects[current][i] = out.id();
                  int a = pick(random, i, shape);
                  int b = pick(random, i, shape);
                  List<ElementId> inputs =
                      a == b
                          ? List.of(objects[current - 1][a])
                          : List.of(objects[current - 1][a], objects[current - 1][b]);
                  batch.create(
                      Intervention.of(
                          ElementHeader.of(
                              batch.newId(), inquiry.id(), theCase.id(), "i" + current + "." + i),
                          "cleaning",
                          inputs,
                          List.of(out.id())));
                }
                return null;
              });
    }
    return objects;
  }

  private static int pick(Random random, int position, String shape) {
    if (shape.equals("wide")) {
      return random.nextInt(WIDTH);
    }
    return Math.floorMod(position + random.nextInt(7) - 3, WIDTH);
  }

  private static void measure(String name, int count, java.util.function.Supplier<Lineage> query) {
    for (int i = 0; i < 50; i++) {
      query.get();
    }
    long[] times = new long[count];
    long nodes = 0;
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      Lineage lineage = query.get();
      times[i] = System.nanoTime() - start;
      nodes += lineage.nodes().size();
    }
    Arrays.sort(times);
    System.out.printf(
        Locale.ROOT,
        "%s: %d queries, mean %,d nodes reached, p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
        name,
        count,
        nodes / count,
        times[count / 2] / 1e6,
        times[count * 95 / 100] / 1e6,
        times[count - 1] / 1e6);
  }

  private static void ingest(Fabrique fabrique, Path work, User user) throws Exception {
    Inquiry inquiry = fabrique.inquiries().create("Ingestion", "");
    Javalin app = WebApp.create(fabrique, WebConfig.defaults(work.resolve("data")));
    app.start("127.0.0.1", 0);
    try {
      HttpClient client = HttpClient.newBuilder().build();
      URI uri =
          URI.create("http://127.0.0.1:" + app.port() + "/api/v1/lineage?inquiry=" + inquiry.id());
      for (int threads : List.of(1, 4)) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          done.add(
              pool.submit(
                  () -> {
                    int sent = 0;
                    int n;
                    while ((n = next.getAndIncrement()) < EVENTS) {
                      HttpResponse<String> response =
                          client.send(
                              HttpRequest.newBuilder(uri)
                                  .header("Content-Type", "application/json")
                                  .POST(HttpRequest.BodyPublishers.ofString(event(threads, n)))
                                  .build(),
                              HttpResponse.BodyHandlers.ofString());
                      if (response.statusCode() != 201) {
                        throw new IllegalStateException(
                            response.statusCode() + " " + response.body());
                      }
                      sent++;
                    }
                    return sent;
                  }));
        }
        int total = 0;
        for (Future<Integer> future : done) {
          total += future.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "OpenLineage ingestion, one event per POST, %d client thread(s): %,d events in %.1f s = %,.0f events/s%n",
            threads,
            total,
            seconds,
            total / seconds);
      }
      int batches = EVENTS / 100;
      long start = System.nanoTime();
      for (int b = 0; b < batches; b++) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
          body.append(i == 0 ? "" : ",").append(event(9, b * 100 + i));
        }
        body.append(']');
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
          throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "OpenLineage ingestion, batches of 100 events per POST: %,d events in %.1f s = %,.0f events/s%n",
          EVENTS,
          seconds,
          EVENTS / seconds);
    } finally {
      app.stop();
    }
  }

  /** A COMPLETE RunEvent of a job reading one dataset and writing the next, with a schema facet. */
  private static String event(int series, int n) {
    return String.format(
        Locale.ROOT,
        """
        {"eventType":"COMPLETE","eventTime":"2025-03-01T09:00:00Z","producer":"https://example.org/bench",\
        "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",\
        "run":{"runId":"%s"},"job":{"namespace":"bench","name":"job-%d-%d"},\
        "inputs":[{"namespace":"bench","name":"table-%d-%d"}],\
        "outputs":[{"namespace":"bench","name":"table-%d-%d","facets":{"schema":{"_producer":"https://example.org/bench",\
        "_schemaURL":"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet",\
        "fields":[{"name":"id","type":"integer"},{"name":"value","type":"string"}]}}}]}""",
        UUID.nameUUIDFromBytes((series + ":" + n).getBytes(StandardCharsets.UTF_8)),
        series,
        n % 500,
        series,
        n,
        series,
        n + 1);
  }
}
