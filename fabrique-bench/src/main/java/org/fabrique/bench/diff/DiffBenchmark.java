package org.fabrique.bench.diff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the explained diff of {@code fabrique-diff} side by side with the time to parse both
 * files once with FastCSV, DuckDB (a FULL OUTER JOIN on the key), a pandas merge and daff, on
 * generated pairs of tables. Prints a Markdown table.
 *
 * <p>Options: {@code --rows 1000000,10000000}, {@code --dir DIR}, {@code --timeout SECONDS} (per
 * external tool), {@code --python /usr/bin/python3}, {@code --daff PATH}, {@code --daff-max-rows N}
 * (larger pairs are not given to daff), {@code --tools parse,fabrique,duckdb,pandas,daff}.
 */
public final class DiffBenchmark {
  private DiffBenchmark() {}

  /** A timed task. */
  @FunctionalInterface
  private interface Task {
    String run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
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
    List<String> tools =
        List.of(options.getOrDefault("tools", "parse,fabrique,duckdb,pandas,daff").split(","));
    int repeat = Integer.parseInt(options.getOrDefault("repeat", "1"));
    Files.createDirectories(directory);
    Path script = directory.resolve("pandas_diff.py");
    Files.writeString(script, Competitors.PANDAS_SCRIPT);

    System.out.printf(
        "Machine: %d cores, %s %s, Java %s, max heap %d MB%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.println(
        "| Rows | Tool | Seconds (best of " + repeat + ") | × parse time | Result |");
    System.out.println("|---:|---|---:|---:|---|");
    for (long rows : sizes) {
      Path oldFile = directory.resolve("old-" + rows + ".csv");
      Path newFile = directory.resolve("new-" + rows + ".csv");
      if (!Files.exists(oldFile) || !Files.exists(newFile)) {
        BenchmarkTables.write(oldFile, newFile, rows, 42);
      }
      double parse = Double.NaN;
      for (String tool : tools) {
        Task task =
            switch (tool.strip()) {
              case "parse" -> () -> Competitors.parse(oldFile, newFile);
              case "fabrique" -> () -> Competitors.fabrique(oldFile, newFile);
              case "duckdb" -> () -> Competitors.duckdb(oldFile, newFile);
              case "pandas" -> () -> Competitors.pandas(python, script, oldFile, newFile, timeout);
              case "daff" ->
                  rows > daffMaxRows
                      ? () -> {
                        throw new Competitors.BenchmarkFailure(
                            "not run above " + daffMaxRows + " rows (--daff-max-rows)");
                      }
                      : () ->
                          Competitors.daff(
                              daff,
                              oldFile,
                              newFile,
                              directory.resolve("daff-" + rows + ".csv"),
                              timeout);
              default -> throw new IllegalArgumentException("Unknown tool " + tool);
            };
        double seconds = time(rows, tool, task, parse, repeat);
        if (tool.equals("parse")) {
          parse = seconds;
        }
      }
    }
  }

  private static double time(long rows, String tool, Task task, double parse, int repeat) {
    String result = "";
    boolean finished = true;
    double seconds = Double.POSITIVE_INFINITY;
    for (int run = 0; run < repeat && finished; run++) {
      System.gc();
      long start = System.nanoTime();
      try {
        result = task.run();
      } catch (Competitors.BenchmarkFailure failure) {
        result = "did not finish: " + failure.getMessage();
        finished = false;
      } catch (Exception e) {
        result = "failed: " + e;
        finished = false;
      }
      seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9);
    }
    String ratio =
        finished && !Double.isNaN(parse)
            ? String.format(Locale.ROOT, "%.2f", seconds / parse)
            : "–";
    System.out.printf(
        Locale.ROOT,
        "| %,d | %s | %s | %s | %s |%n",
        rows,
        tool,
        finished ? String.format(Locale.ROOT, "%.1f", seconds) : "–",
        ratio,
        result.replace("|", "/"));
    System.out.flush();
    return seconds;
  }
}
