package org.fabrique.bench.diff;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the explained diff of {@code fabrique-diff} side by side with the time to parse both
 * files once with FastCSV, DuckDB (a FULL OUTER JOIN on the key), a pandas merge and daff, on
 * generated pairs of tables, and the {@code ./fabrique diff} command as a user runs it (the
 * launcher, its runnable jar and its Java options). Prints a Markdown table.
 *
 * <p>Each tool is measured two ways, in rounds that alternate the tools so that they share the
 * machine's load alike:
 *
 * <ul>
 *   <li><b>fresh process</b>: the tool run as a command would be, in a process of its own (a new
 *       JVM for parse, fabrique and DuckDB; Python and Node.js for pandas and daff), timed from
 *       start to exit, with its peak resident memory when {@code /usr/bin/time} is there;
 *   <li><b>warm</b> (the JVM tools only): the tool called again in this JVM once it has run {@code
 *       --warmup} times, as in the web application, which stays up.
 * </ul>
 *
 * <p>Times are medians over {@code --repeat} rounds. Options: {@code --rows 1000000,10000000},
 * {@code --dir DIR}, {@code --timeout SECONDS} (per external tool), {@code --python
 * /usr/bin/python3}, {@code --daff PATH}, {@code --daff-max-rows N} (larger pairs are not given to
 * daff), {@code --launcher ./fabrique}, {@code --tools parse,fabrique,command,duckdb,pandas,daff},
 * {@code --warmup 2}, {@code --repeat 3}.
 */
public final class DiffBenchmark {
  private static final List<String> IN_JVM = List.of("parse", "fabrique", "duckdb");

  private DiffBenchmark() {}

  /** A timed task. */
  @FunctionalInterface
  private interface Task {
    String run() throws Exception;
  }

  /** A run whose duration is measured. */
  @FunctionalInterface
  private interface Run {
    void run() throws Exception;
  }

  /** The runs of one tool on one pair. */
  private static final class Runs {
    final List<Double> warm = new ArrayList<>();
    final List<Double> fresh = new ArrayList<>();
    long peakKilobytes;
    String result = "";
    String error = "";
    boolean failed;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals("--once")) {
      // One run in this fresh JVM, for a fresh-process measurement.
      System.out.println(inJvm(args[1], Path.of(args[2]), Path.of(args[3])).run());
      return;
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (int index = 0; index + 1 < args.length; index += 2) {
      options.put(args[index].replaceFirst("^--", ""), args[index + 1]);
    }
    List<Long> sizes = new ArrayList<>();
    for (String size : options.getOrDefault("rows", "1000000,10000000").split(",")) {
      sizes.add(Long.parseLong(size.strip()));
    }
    Path directory =
        Path.of(
            options.getOrDefault(
                "dir", System.getProperty("java.io.tmpdir") + "/fabrique-diff-bench"));
    long timeout = Long.parseLong(options.getOrDefault("timeout", "1800"));
    String python = options.getOrDefault("python", "/usr/bin/python3");
    String daff = options.getOrDefault("daff", "daff");
    long daffMaxRows = Long.parseLong(options.getOrDefault("daff-max-rows", "1000000"));
    String launcher = options.getOrDefault("launcher", "./fabrique");
    List<String> tools =
        Arrays.stream(options.getOrDefault("tools", "parse,fabrique,duckdb,pandas,daff").split(","))
            .map(String::strip)
            .toList();
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));
    int repeat = Integer.parseInt(options.getOrDefault("repeat", "3"));
    Files.createDirectories(directory);
    Path script = directory.resolve("pandas_diff.py");
    Files.writeString(script, Competitors.PANDAS_SCRIPT);

    System.out.printf(
        Locale.ROOT,
        "Machine: %d cores, %s %s, Java %s, max heap %d MB; %d warm-up runs, medians of %d rounds%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        warmup,
        repeat);
    System.out.println(
        "| Rows | Tool | Fresh process, s | × parse | Peak memory | Warm, s | × parse | Result |");
    System.out.println("|---:|---|---:|---:|---:|---:|---:|---|");
    for (long rows : sizes) {
      Path oldFile = directory.resolve("old-" + rows + ".csv");
      Path newFile = directory.resolve("new-" + rows + ".csv");
      if (!Files.exists(oldFile) || !Files.exists(newFile)) {
        BenchmarkTables.write(oldFile, newFile, rows, 42);
      }
      Path highlighter = directory.resolve("daff-" + rows + ".csv");
      Map<String, Runs> runs = new LinkedHashMap<>();
      for (String tool : tools) {
        runs.put(tool, new Runs());
        if (IN_JVM.contains(tool)) {
          for (int run = 0; run < warmup; run++) {
            inJvm(tool, oldFile, newFile).run();
          }
        }
      }
      Externals externals =
          new Externals(
              python,
              script,
              daff,
              rows > daffMaxRows ? daffMaxRows : -1,
              highlighter,
              launcher,
              directory.resolve("command-" + rows + ".md"),
              timeout);
      if (tools.contains("command")) {
        // Once untimed: the launcher builds its jar and its class archive on a first run.
        Competitors.external(
            Competitors.commandLine(launcher, oldFile, newFile, externals.report()), timeout);
      }
      for (int round = 0; round < repeat; round++) {
        for (String tool : tools) {
          Runs toolRuns = runs.get(tool);
          if (!toolRuns.failed) {
            measure(tool, toolRuns, oldFile, newFile, externals);
          }
        }
      }
      Runs parse = runs.get("parse");
      for (Map.Entry<String, Runs> entry : runs.entrySet()) {
        print(rows, entry.getKey(), entry.getValue(), parse);
      }
    }
  }

  /** How to run the tools that are not in this JVM. */
  private record Externals(
      String python,
      Path script,
      String daff,
      long daffRefusedAbove,
      Path highlighter,
      String launcher,
      Path report,
      long timeout) {}

  /** One round of a tool: warm then fresh for a JVM tool, fresh for the others. */
  private static void measure(
      String tool, Runs runs, Path oldFile, Path newFile, Externals externals) throws Exception {
    try {
      if (IN_JVM.contains(tool)) {
        runs.warm.add(time(() -> runs.result = inJvm(tool, oldFile, newFile).run()));
        runs.fresh.add(
            time(() -> fresh(runs, freshJvm(tool, oldFile, newFile), externals.timeout())));
        return;
      }
      List<String> command =
          switch (tool) {
            case "pandas" ->
                Competitors.pandasCommand(externals.python(), externals.script(), oldFile, newFile);
            case "command" ->
                Competitors.commandLine(externals.launcher(), oldFile, newFile, externals.report());
            case "daff" -> {
              if (externals.daffRefusedAbove() >= 0) {
                throw new Competitors.BenchmarkFailure(
                    "not run above " + externals.daffRefusedAbove() + " rows (--daff-max-rows)");
              }
              yield Competitors.daffCommand(
                  externals.daff(), oldFile, newFile, externals.highlighter());
            }
            default -> throw new IllegalArgumentException("Unknown tool " + tool);
          };
      Files.deleteIfExists(externals.highlighter());
      runs.fresh.add(time(() -> fresh(runs, command, externals.timeout())));
      if (tool.equals("daff")) {
        if (!Files.exists(externals.highlighter())) {
          // daff exits with 1 both when the tables differ and when it fails.
          throw new Competitors.BenchmarkFailure(runs.error);
        }
        runs.result = "highlighter CSV of " + Files.size(externals.highlighter()) + " bytes";
      }
      if (tool.equals("command")) {
        runs.result = Competitors.headline(externals.report());
      }
    } catch (Competitors.BenchmarkFailure failure) {
      runs.failed = true;
      runs.result = "did not finish: " + failure.getMessage();
    }
  }

  /** One run of a JVM tool in this JVM. */
  private static Task inJvm(String tool, Path oldFile, Path newFile) {
    return switch (tool) {
      case "parse" -> () -> Competitors.parse(oldFile, newFile);
      case "fabrique" -> () -> Competitors.fabrique(oldFile, newFile);
      case "duckdb" -> () -> Competitors.duckdb(oldFile, newFile);
      default -> throw new IllegalArgumentException("Unknown tool " + tool);
    };
  }

  /**
   * The command that runs a JVM tool once in a new JVM with this one's class path, heap and {@code
   * -XX} options (the garbage collector, for one), so that every JVM tool runs alike.
   */
  private static List<String> freshJvm(String tool, Path oldFile, Path newFile) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("-Xmx")
          || argument.startsWith("-XX:") && !argument.startsWith("-XX:StartFlightRecording")) {
        command.add(argument);
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            DiffBenchmark.class.getName(),
            "--once",
            tool,
            oldFile.toString(),
            newFile.toString()));
    return command;
  }

  /** Runs a command in a process of its own, keeping its result and its peak memory. */
  private static void fresh(Runs runs, List<String> command, long timeout) throws Exception {
    Competitors.Outcome outcome = Competitors.external(command, timeout);
    runs.peakKilobytes = Math.max(runs.peakKilobytes, outcome.peakKilobytes());
    runs.error = outcome.error();
    if (runs.result.isEmpty() || runs.warm.isEmpty()) {
      runs.result = outcome.lastLine();
    }
  }

  /** Seconds a task takes; a failure is passed on. */
  private static double time(Run run) throws Exception {
    System.gc();
    long start = System.nanoTime();
    run.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static void print(long rows, String tool, Runs runs, Runs parse) {
    double fresh = median(runs.fresh);
    double warm = median(runs.warm);
    double parseFresh = parse == null ? Double.NaN : median(parse.fresh);
    double parseWarm = parse == null ? Double.NaN : median(parse.warm);
    System.out.printf(
        Locale.ROOT,
        "| %,d | %s | %s | %s | %s | %s | %s | %s |%n",
        rows,
        tool,
        seconds(runs.failed ? Double.NaN : fresh),
        ratio(runs.failed ? Double.NaN : fresh, parseFresh),
        runs.peakKilobytes > 0
            ? String.format(Locale.ROOT, "%,d MB", runs.peakKilobytes >> 10)
            : "–",
        seconds(warm),
        ratio(warm, parseWarm),
        runs.result.replace("|", "/"));
    System.out.flush();
  }

  private static String seconds(double seconds) {
    return Double.isNaN(seconds) ? "–" : String.format(Locale.ROOT, "%.2f", seconds);
  }

  private static String ratio(double seconds, double parse) {
    return Double.isNaN(seconds) || Double.isNaN(parse)
        ? "–"
        : String.format(Locale.ROOT, "%.2f", seconds / parse);
  }
}
