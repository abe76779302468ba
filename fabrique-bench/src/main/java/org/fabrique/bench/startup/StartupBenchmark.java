package org.fabrique.bench.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long a one-shot command takes in a fresh process, as a user runs it: {@code ./fabrique
 * inquiry list} on a data directory whose database is current, with the class-data-sharing archive
 * the script makes and without it ({@code FABRIQUE_CDS=off}), beside the floor of the JVM itself
 * ({@code java -version}). Runs are interleaved so that a busy machine weighs on each alike. More
 * launchers (another checkout's {@code ./fabrique}, for a before and after) are run side by side.
 *
 * <p>Run: {@code java -cp "$(cat
 * fabrique-bench/target/classpath.txt):fabrique-bench/target/classes"
 * org.fabrique.bench.startup.StartupBenchmark [./fabrique] [runs] [other/fabrique…]}. Target
 * (ANCHORS.md, issue 15): {@code inquiry list} under 0.6 s.
 */
public final class StartupBenchmark {
  private static final long TIMEOUT_SECONDS = 120;
  private static final double TARGET_SECONDS = 0.6;

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path script = Path.of(args.length > 0 ? args[0] : "./fabrique").toAbsolutePath();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    List<Path> others = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      others.add(Path.of(args[i]).toAbsolutePath());
    }
    Path data = Files.createTempDirectory("fabrique-startup");
    // The first run builds the jar and the archive when they are missing, and creates the database.
    run(List.of(script.toString(), "inquiry", "list", "--data", data.toString()), Map.of());
    for (Path other : others) {
      run(List.of(other.toString(), "inquiry", "list", "--data", data.toString()), Map.of());
    }

    Map<String, Variant> variants = new LinkedHashMap<>();
    variants.put(
        "java -version (the JVM alone)",
        new Variant(List.of(javaCommand(), "-Xshare:auto", "-version"), Map.of()));
    for (Path other : others) {
      variants.put(
          other + " inquiry list",
          new Variant(
              List.of(other.toString(), "inquiry", "list", "--data", data.toString()), Map.of()));
    }
    List<String> list = List.of(script.toString(), "inquiry", "list", "--data", data.toString());
    variants.put(
        "./fabrique inquiry list, without the archive",
        new Variant(list, Map.of("FABRIQUE_CDS", "off")));
    variants.put("./fabrique inquiry list", new Variant(list, Map.of()));

    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    variants.keySet().forEach(name -> seconds.put(name, new ArrayList<>()));
    for (int round = 0; round < runs; round++) {
      for (Map.Entry<String, Variant> variant : variants.entrySet()) {
        seconds
            .get(variant.getKey())
            .add(run(variant.getValue().command(), variant.getValue().environment()));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d runs each, interleaved; %d processors, Java %s%n%n",
        runs,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    System.out.println("| Command | Median, s | Fastest, s | Slowest, s | Target |");
    System.out.println("|---|---|---|---|---|");
    for (Map.Entry<String, List<Double>> entry : seconds.entrySet()) {
      List<Double> sorted = new ArrayList<>(entry.getValue());
      Collections.sort(sorted);
      boolean target = entry.getKey().equals("./fabrique inquiry list");
      System.out.printf(
          Locale.ROOT,
          "| %s | %.2f | %.2f | %.2f | %s |%n",
          entry.getKey(),
          median(sorted),
          sorted.get(0),
          sorted.get(sorted.size() - 1),
          target ? (median(sorted) < TARGET_SECONDS ? "met (< 0.6 s)" : "missed (< 0.6 s)") : "");
    }
  }

  private record Variant(List<String> command, Map<String, String> environment) {}

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** Seconds a command takes, from start to exit; it must succeed. */
  private static double run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + String.join(" ", command));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "exit code " + process.exitValue() + ": " + String.join(" ", command));
    }
    return seconds;
  }
}
