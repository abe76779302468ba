package org.fabrique.bench.journey;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;
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
import org.fabrique.core.redaction.ExportProfiles;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.user.User;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.JourneySnapshots;
import org.fabrique.formats.journey.RedactionProfile;
import org.fabrique.formats.openlineage.OpenLineageExporter;
import org.fabrique.formats.prov.ProvExporter;
import org.fabrique.formats.prov.ProvFormat;

/**
 * PROV and OpenLineage exports of a case whose journey is one chain of 20,000 elements (10,000 data
 * objects and 10,000 dated interventions, each reading the object before and writing the next),
 * from the embedded SQLite store, warm: each export reads the journey through the services and
 * writes it to memory as the web's export and the command line's do ({@code JourneySnapshots} then
 * the exporter, under the team profile). 3 warm-up runs, then 10 measured runs per format.
 *
 * <p>Run: {@code ./mvnw -q -pl fabrique-bench -am package -DskipTests && java -Xmx2g -cp
 * fabrique-bench/target/fabrique-bench.jar org.fabrique.bench.journey.ExportBenchmark [work dir]}
 */
public final class ExportBenchmark {
  static final int CHAIN = 10_000;
  private static final int WARM_UP = Integer.getInteger("fabrique.warmup", 3);
  private static final int RUNS = Integer.getInteger("fabrique.runs", 10);

  private ExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("fabrique-bench");
    System.out.println("Export benchmark, work dir " + work);
    System.out.println(
        "Java "
            + System.getProperty("java.version")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, max heap "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MB");
    try (Workbench workbench = Workbench.embedded(work.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      User user = fabrique.users().defaultUser();
      Inquiry inquiry = fabrique.inquiries().create("Export", "");
      Case theCase =
          fabrique.inquiries().createCase(inquiry.id(), user.id(), "Chain", Domain.OTHER, "");
      long t0 = System.nanoTime();
      int elements = chain(fabrique, inquiry, theCase, user);
      System.out.printf(
          Locale.ROOT,
          "wrote a chain of %,d elements in %.1f s%n",
          elements,
          (System.nanoTime() - t0) / 1e9);
      ExportScope scope =
          fabrique.redactions().scope(inquiry.id(), ExportProfiles.choose(Optional.empty()));
      RedactionProfile profile = RedactionProfile.of(scope);
      measure(
          "journey read (JourneySnapshots.of)",
          fabrique,
          inquiry,
          snapshot -> snapshot.elements().size());
      for (ProvFormat format : ProvFormat.values()) {
        measure(
            "PROV " + format.id(),
            fabrique,
            inquiry,
            snapshot -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              new ProvExporter().write(snapshot, profile, format, out);
              return out.size();
            });
      }
      measure(
          "OpenLineage NDJSON",
          fabrique,
          inquiry,
          snapshot -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new OpenLineageExporter().writeNdjson(snapshot, profile, out);
            return out.size();
          });
    }
  }

  /** A chain d0 → i1 → d1 → … → i{CHAIN} → d{CHAIN}, written in batches of 2,000 elements. */
  static int chain(Fabrique fabrique, Inquiry inquiry, Case theCase, User user) {
    List<ElementId> objects = new ArrayList<>();
    Instant start = Instant.parse("2020-01-01T00:00:00Z");
    int step = 1_000;
    for (int from = 0; from < CHAIN; from += step) {
      int first = from;
      fabrique
          .journeys()
          .batch(
              inquiry.id(),
              user.id(),
              "Chain " + first,
              batch -> {
                if (objects.isEmpty()) {
                  objects.add(
                      batch
                          .create(
                              DataObject.of(
                                  ElementHeader.of(
                                      batch.newId(), inquiry.id(), theCase.id(), "extract 0"),
                                  DataObjectType.SOURCE_DATABASE))
                          .id());
                }
                for (int i = first + 1; i <= first + step; i++) {
                  DataObject out =
                      batch.create(
                          DataObject.of(
                              ElementHeader.of(
                                  batch.newId(), inquiry.id(), theCase.id(), "extract " + i),
                              DataObjectType.DATASET));
                  Instant at = start.plusSeconds(3_600L * i);
                  batch.create(
                      Intervention.of(
                              ElementHeader.of(
                                  batch.newId(), inquiry.id(), theCase.id(), "step " + i),
                              "cleaning",
                              List.of(objects.get(objects.size() - 1)),
                              List.of(out.id()))
                          .withTimes(Optional.of(at), Optional.of(at.plusSeconds(600))));
                  objects.add(out.id());
                }
                return null;
              });
    }
    return objects.size() + CHAIN;
  }

  private static void measure(
      String name, Fabrique fabrique, Inquiry inquiry, ToIntFunction<JourneySnapshot> export) {
    long bytes = 0;
    for (int i = 0; i < WARM_UP; i++) {
      bytes = export.applyAsInt(JourneySnapshots.of(fabrique, inquiry.id()));
    }
    long[] times = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      bytes = export.applyAsInt(JourneySnapshots.of(fabrique, inquiry.id()));
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    System.out.printf(
        Locale.ROOT,
        "%s: %,d bytes, p50 %.2f s, p95 %.2f s, min %.2f s%n",
        name,
        bytes,
        times[RUNS / 2] / 1e9,
        times[RUNS * 95 / 100] / 1e9,
        times[0] / 1e9);
  }
}
