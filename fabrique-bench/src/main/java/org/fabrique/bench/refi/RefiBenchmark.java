package org.fabrique.bench.refi;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.core.user.User;

/**
 * REFI-QDA at the anchor's size: a generated project of 500 sources / 10 M characters / 200,000
 * codings is imported (SQLite), exported, and the export imported again; time and peak heap of each
 * phase. A second run with sources five times smaller and the same codings shows whether memory
 * grows with the size of the sources.
 *
 * <p>Run: {@code ./mvnw -q -pl fabrique-bench -am package -DskipTests && java -Xmx1g -cp
 * fabrique-bench/target/fabrique-bench.jar org.fabrique.bench.refi.RefiBenchmark [work dir]}
 */
public final class RefiBenchmark {
  private RefiBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("fabrique-refi");
    long seed = Long.getLong("fabrique.seed", 42L);
    int sources = Integer.getInteger("fabrique.sources", 500);
    int codings = Integer.getInteger("fabrique.codings", 200_000);
    System.out.println(
        "REFI-QDA benchmark, seed "
            + seed
            + ", work dir "
            + work
            + ", max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MB");
    for (int characters : List.of(4_000, 20_000)) {
      run(work.resolve("run-" + characters), seed, sources, characters, codings);
    }
  }

  private static void run(Path dir, long seed, int sources, int characters, int codings)
      throws Exception {
    Files.createDirectories(dir);
    Path generated = dir.resolve("generated.qdpx");
    long start = System.nanoTime();
    GeneratedProject.write(generated, seed, sources, characters, codings);
    System.out.printf(
        Locale.ROOT,
        "%n%d sources x %d characters (%.1f M), %d codings: generated %.1f MB in %.1f s%n",
        sources,
        characters,
        sources * (double) characters / 1e6,
        codings,
        Files.size(generated) / 1e6,
        seconds(start));
    try (Workbench workbench = Workbench.embedded(dir.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      User user = fabrique.users().defaultUser();
      resetPeaks();
      start = System.nanoTime();
      ImportedProject first =
          fabrique.qda().importProject(generated, Optional.empty(), user.id(), ImportProgress.NONE);
      line("import", start, first.report());

      Path exported = dir.resolve("exported.qdpx");
      resetPeaks();
      start = System.nanoTime();
      ExchangeReport export =
          fabrique.qda().exportProject(first.inquiryId(), exported, ImportProgress.NONE);
      line("export", start, export);
      System.out.printf(Locale.ROOT, "  exported file %.1f MB%n", Files.size(exported) / 1e6);

      resetPeaks();
      start = System.nanoTime();
      ImportedProject again =
          fabrique.qda().importProject(exported, Optional.empty(), user.id(), ImportProgress.NONE);
      line("import of the export", start, again.report());
    }
  }

  private static void line(String phase, long start, ExchangeReport report) {
    System.out.printf(
        Locale.ROOT,
        "  %-22s %7.1f s   peak heap %5d MB   %s%n",
        phase,
        seconds(start),
        peakHeapMegabytes(),
        report.counts());
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapMegabytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1 << 20);
  }
}
